#pragma once
// The host character's dock: the mood the host shows now, buttons to set one, and a line for the
// host to "say" (a caption on the program for now).

#include <QDockWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace sb::studio {
class StudioController;
}

namespace sb::app {

class HostDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit HostDock(sb::studio::StudioController& studio, QWidget* parent = nullptr);

public slots:
    void refresh();
    void applyMood();
    void say();

private:
    sb::studio::StudioController& m_studio;
    QLabel* m_mood = nullptr;
    QComboBox* m_moods = nullptr;
    QPushButton* m_setMood = nullptr;
    QLineEdit* m_line = nullptr;
    QPushButton* m_say = nullptr;
    QLabel* m_llm = nullptr; // what became of the LLM's last line
    QLabel* m_vts = nullptr; // the VTube Studio bridge's state
};

} // namespace sb::app
