#pragma once
// The Sources dock, as in OBS Studio: the current scene's sources listed top first (the model
// keeps them bottom first), each with a visible and a locked tick, and add, remove, move up and
// move down. Every edit goes through the collection's undo stack; the selection is announced
// (sourceSelected) for the Properties dock.

#include <QDockWidget>

#include <functional>

class QMenu;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace sb::studio {
class SceneCollection;
struct SceneSource;
} // namespace sb::studio

namespace sb::app {

class SourcesDock : public QDockWidget
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        VisibleColumn,
        LockedColumn,
        ColumnCount
    };

    // Asks for a media file; an empty string when the operator cancels. Replaceable for tests.
    using FilePrompt = std::function<QString(const QString& title, const QString& filter)>;
    // Asks a yes/no question. Replaceable for tests.
    using ConfirmPrompt = std::function<bool(const QString& title, const QString& question)>;

    // The dock does not own the collection, which must outlive it.
    explicit SourcesDock(sb::studio::SceneCollection* collection, QWidget* parent = nullptr);

    void setFilePrompt(FilePrompt prompt) { m_filePrompt = std::move(prompt); }
    void setConfirmPrompt(ConfirmPrompt prompt) { m_confirmPrompt = std::move(prompt); }

    // The scene shown: always the collection's current scene.
    int scene() const { return m_scene; }
    // The selected source's id, or an empty string.
    QString selectedSourceId() const;
    // Selects the source's row; false when the scene has no such source.
    bool selectSource(const QString& id);

    QTreeWidget* tree() const { return m_tree; }
    // The Add button's menu: "Colour", "Image…", "Text", "Video…", then the overlays.
    QMenu* addMenu() const { return m_addMenu; }

public slots:
    // Adds a source of `kind` on top of the current scene and selects it. Image and video ask
    // for a file first. Returns the new id, or an empty string.
    QString addSource(const QString& kind);
    void removeSelectedSource();
    void moveSelectedUp();
    void moveSelectedDown();

signals:
    // The selection changed; empty when nothing is selected.
    void sourceSelected(const QString& id);

private:
    void followCurrentScene();
    void refresh();
    void fillRow(QTreeWidgetItem* item, const sb::studio::SceneSource& source);
    void onItemChanged(QTreeWidgetItem* item, int column);
    void onSelectionChanged();
    void updateButtons();
    void moveSelected(int steps); // positive is up (towards the top of the list)
    QString uniqueName(const QString& base) const;
    const sb::studio::SceneSource* selectedSource() const;

    sb::studio::SceneCollection* m_collection;
    int m_scene = -1;
    QString m_sceneName; // to tell a reload of the same scene from a switch to another
    QString m_lastSelected;
    QTreeWidget* m_tree = nullptr;
    QMenu* m_addMenu = nullptr;
    QToolButton* m_addButton = nullptr;
    QToolButton* m_removeButton = nullptr;
    QToolButton* m_upButton = nullptr;
    QToolButton* m_downButton = nullptr;
    FilePrompt m_filePrompt;
    ConfirmPrompt m_confirmPrompt;
    bool m_syncing = false; // item changes made to follow the model are not the operator's
};

} // namespace sb::app
