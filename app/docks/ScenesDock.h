#pragma once
// The Scenes dock, as in OBS Studio: the collection's scenes with the current one selected, and
// add, remove and rename. Picking a scene only asks for it (sceneActivated): the main window
// switches the program with a transition, and the selection follows the collection when it does.

#include <QDockWidget>

#include <functional>

class QListWidget;
class QToolButton;

namespace sb::studio {
class SceneCollection;
}

namespace sb::app {

class ScenesDock : public QDockWidget
{
    Q_OBJECT

public:
    // Asks for a scene name; an empty string when the operator cancels. Replaceable for tests.
    using NamePrompt =
        std::function<QString(const QString& title, const QString& label, const QString& text)>;
    // Asks a yes/no question. Replaceable for tests.
    using ConfirmPrompt = std::function<bool(const QString& title, const QString& question)>;

    // The dock does not own the collection, which must outlive it.
    explicit ScenesDock(sb::studio::SceneCollection* collection, QWidget* parent = nullptr);

    void setNamePrompt(NamePrompt prompt) { m_namePrompt = std::move(prompt); }
    void setConfirmPrompt(ConfirmPrompt prompt) { m_confirmPrompt = std::move(prompt); }

    QListWidget* list() const { return m_list; }

public slots:
    void addScene();
    void removeSelectedScene();
    void renameSelectedScene();

signals:
    // The operator picked this scene; the main window decides how to switch to it.
    void sceneActivated(int index);

private:
    void rebuild();
    void updateSceneName(int index);
    void selectCurrent();
    void updateButtons();
    bool nameTaken(const QString& name, int exceptIndex = -1) const;
    // Asks until the name is free or the operator cancels; empty on cancel.
    QString askName(const QString& title, const QString& initial, int exceptIndex);

    sb::studio::SceneCollection* m_collection;
    QListWidget* m_list = nullptr;
    QToolButton* m_addButton = nullptr;
    QToolButton* m_removeButton = nullptr;
    QToolButton* m_renameButton = nullptr;
    NamePrompt m_namePrompt;
    ConfirmPrompt m_confirmPrompt;
    bool m_syncing = false; // selection changes made to follow the model are not the operator's
};

} // namespace sb::app
