#pragma once
// The host character's dock: the mood the host shows now, buttons to set one, a line for the host
// to say (it goes first), Mute (the events' lines are neither said nor captioned; the dock says so
// until unmuted) and Skip (her current line stops, voice and caption, and lines waiting for the
// LLM are dropped).

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
    void setMuted(bool muted);
    void skip();

private:
    sb::studio::StudioController& m_studio;
    QLabel* m_mood = nullptr;
    QComboBox* m_moods = nullptr;
    QPushButton* m_setMood = nullptr;
    QLineEdit* m_line = nullptr;
    QPushButton* m_say = nullptr;
    QPushButton* m_mute = nullptr; // checkable
    QPushButton* m_skip = nullptr;
    QLabel* m_muted = nullptr; // what Mute silences, while it does
    QLabel* m_llm = nullptr;   // what became of the LLM's last line
    QLabel* m_vts = nullptr;   // the VTube Studio bridge's state
};

} // namespace sb::app
