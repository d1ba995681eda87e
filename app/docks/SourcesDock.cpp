#include "SourcesDock.h"

#include "Overlay.h"
#include "SceneCollection.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sb::app {

using sb::studio::SceneCollection;
using sb::studio::SceneData;
using sb::studio::SceneSource;

namespace {

constexpr int kIdRole = Qt::UserRole;

QString kindName(const QString& kind)
{
    if (kind == QLatin1String("color"))
        return SourcesDock::tr("Colour");
    if (kind == QLatin1String("image"))
        return SourcesDock::tr("Image");
    if (kind == QLatin1String("text"))
        return SourcesDock::tr("Text");
    if (kind == QLatin1String("video"))
        return SourcesDock::tr("Video");
    if (const auto overlay = sb::studio::createOverlay(kind))
        return overlay->displayName();
    return kind;
}

} // namespace

SourcesDock::SourcesDock(SceneCollection* collection, QWidget* parent)
    : QDockWidget(tr("Sources"), parent), m_collection(collection)
{
    setObjectName(QStringLiteral("SourcesDock"));

    m_tree = new QTreeWidget;
    m_tree->setObjectName(QStringLiteral("sourcesTree"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Source"), tr("Visible"), tr("Locked")});
    m_tree->setRootIsDecorated(false);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    // Only the name is edited in place, on a double click; the ticks are edited by clicking.
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(VisibleColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(LockedColumn, QHeaderView::ResizeToContents);

    m_addMenu = new QMenu(this);
    m_addMenu->setObjectName(QStringLiteral("addSourceMenu"));
    const auto addKind = [this](const QString& kind, const QString& text) {
        QAction* action = m_addMenu->addAction(text);
        action->setObjectName(QStringLiteral("addSourceAction_") + kind);
        connect(action, &QAction::triggered, this, [this, kind] { addSource(kind); });
    };
    addKind(QStringLiteral("color"), tr("Colour"));
    addKind(QStringLiteral("image"), tr("Image…"));
    addKind(QStringLiteral("text"), tr("Text"));
    addKind(QStringLiteral("video"), tr("Video…"));
    m_addMenu->addSeparator();
    for (const QString& kind : sb::studio::overlayKinds())
        addKind(kind, kindName(kind));

    const auto makeButton = [](const QString& text, const QString& name, const QString& tip) {
        auto* button = new QToolButton;
        button->setText(text);
        button->setObjectName(name);
        button->setToolTip(tip);
        button->setAccessibleName(tip);
        return button;
    };
    m_addButton = makeButton(tr("Add"), QStringLiteral("addSourceButton"),
                             tr("Add a source on top of the scene"));
    m_addButton->setMenu(m_addMenu);
    m_addButton->setPopupMode(QToolButton::InstantPopup);
    m_removeButton = makeButton(tr("Remove"), QStringLiteral("removeSourceButton"),
                                tr("Remove the selected source"));
    m_upButton = makeButton(tr("Up"), QStringLiteral("moveSourceUpButton"),
                            tr("Move the selected source up (in front)"));
    m_downButton = makeButton(tr("Down"), QStringLiteral("moveSourceDownButton"),
                              tr("Move the selected source down (behind)"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addWidget(m_upButton);
    buttons->addWidget(m_downButton);
    buttons->addStretch();

    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_tree);
    layout->addLayout(buttons);
    setWidget(content);

    m_filePrompt = [this](const QString& title, const QString& filter) {
        return QFileDialog::getOpenFileName(this, title, QString(), filter);
    };
    m_confirmPrompt = [this](const QString& title, const QString& question) {
        return QMessageBox::question(this, title, question) == QMessageBox::Yes;
    };

    connect(m_removeButton, &QToolButton::clicked, this, &SourcesDock::removeSelectedSource);
    connect(m_upButton, &QToolButton::clicked, this, &SourcesDock::moveSelectedUp);
    connect(m_downButton, &QToolButton::clicked, this, &SourcesDock::moveSelectedDown);
    connect(m_tree, &QTreeWidget::itemChanged, this, &SourcesDock::onItemChanged);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &SourcesDock::onSelectionChanged);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item, int col) {
        if (col == NameColumn && (item->flags() & Qt::ItemIsEditable))
            m_tree->editItem(item, NameColumn);
    });

    connect(m_collection, &SceneCollection::currentSceneChanged, this,
            &SourcesDock::followCurrentScene);
    connect(m_collection, &SceneCollection::scenesChanged, this, &SourcesDock::followCurrentScene);
    connect(m_collection, &SceneCollection::sceneChanged, this, [this](int index) {
        if (index != m_scene)
            return;
        m_sceneName = m_collection->scene(index).name;
        refresh();
    });
    followCurrentScene();
}

void SourcesDock::followCurrentScene()
{
    const int current = m_collection->currentScene();
    const QString name = m_collection->scene(current).name;
    // Another scene: its sources are other sources, even where an id is the same.
    if (current != m_scene || name != m_sceneName) {
        m_scene = current;
        m_sceneName = name;
        m_syncing = true;
        m_tree->clearSelection();
        m_syncing = false;
    }
    refresh();
}

void SourcesDock::refresh()
{
    const QString keep = selectedSourceId();
    const QList<SceneSource>& sources = m_collection->scene(m_scene).sources;
    const int count = int(sources.size());

    // Rows are reused rather than rebuilt: this runs inside the tree's own itemChanged signal.
    m_syncing = true;
    while (m_tree->topLevelItemCount() > count)
        delete m_tree->takeTopLevelItem(m_tree->topLevelItemCount() - 1);
    while (m_tree->topLevelItemCount() < count)
        m_tree->addTopLevelItem(new QTreeWidgetItem);
    QTreeWidgetItem* selected = nullptr;
    for (int row = 0; row < count; ++row) {
        const SceneSource& source = sources.at(count - 1 - row); // top first
        QTreeWidgetItem* item = m_tree->topLevelItem(row);
        fillRow(item, source);
        if (!keep.isEmpty() && source.id == keep)
            selected = item;
    }
    m_tree->clearSelection();
    if (selected)
        m_tree->setCurrentItem(selected);
    m_syncing = false;
    onSelectionChanged();
}

void SourcesDock::fillRow(QTreeWidgetItem* item, const SceneSource& source)
{
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsUserCheckable;
    if (!source.locked)
        flags |= Qt::ItemIsEditable;
    item->setFlags(flags);
    item->setData(NameColumn, kIdRole, source.id);
    item->setText(NameColumn, source.name);
    item->setToolTip(NameColumn, kindName(source.kind));
    item->setCheckState(VisibleColumn, source.visible ? Qt::Checked : Qt::Unchecked);
    item->setToolTip(VisibleColumn,
                     source.visible ? tr("Shown; untick to hide") : tr("Hidden; tick to show"));
    item->setCheckState(LockedColumn, source.locked ? Qt::Checked : Qt::Unchecked);
    item->setToolTip(LockedColumn,
                     source.locked ? tr("Locked: cannot be moved or edited") : tr("Tick to lock"));
    QFont font = item->font(NameColumn);
    font.setItalic(!source.visible); // a hidden source reads as hidden at a glance
    item->setFont(NameColumn, font);
}

void SourcesDock::onItemChanged(QTreeWidgetItem* item, int column)
{
    if (m_syncing)
        return;
    const QString id = item->data(NameColumn, kIdRole).toString();
    const SceneData& scene = m_collection->scene(m_scene);
    const int index = scene.indexOf(id);
    if (index < 0)
        return;
    const SceneSource& source = scene.sources.at(index);
    bool applied = true;
    if (column == VisibleColumn) {
        const bool visible = item->checkState(VisibleColumn) == Qt::Checked;
        if (visible != source.visible)
            applied = m_collection->setSourceVisible(m_scene, id, visible);
    } else if (column == LockedColumn) {
        const bool locked = item->checkState(LockedColumn) == Qt::Checked;
        if (locked != source.locked)
            applied = m_collection->setSourceLocked(m_scene, id, locked);
    } else if (column == NameColumn) {
        const QString name = item->text(NameColumn).trimmed();
        applied = name.isEmpty() || name == source.name
                      ? false
                      : m_collection->renameSource(m_scene, id, name);
    }
    // A refused edit (an empty name) puts the row back as the model has it.
    if (!applied)
        refresh();
    else
        updateButtons(); // locking changes what the buttons may do
}

void SourcesDock::onSelectionChanged()
{
    if (m_syncing)
        return;
    updateButtons();
    const QString id = selectedSourceId();
    if (id != m_lastSelected) {
        m_lastSelected = id;
        emit sourceSelected(id);
    }
}

void SourcesDock::updateButtons()
{
    const SceneSource* source = selectedSource();
    const SceneData& scene = m_collection->scene(m_scene);
    const int index = source ? scene.indexOf(source->id) : -1;
    const bool movable = source && !source->locked;
    m_removeButton->setEnabled(movable);
    m_upButton->setEnabled(movable && index < scene.sources.size() - 1);
    m_downButton->setEnabled(movable && index > 0);
}

QString SourcesDock::selectedSourceId() const
{
    const QList<QTreeWidgetItem*> items = m_tree->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(NameColumn, kIdRole).toString();
}

const SceneSource* SourcesDock::selectedSource() const
{
    const SceneData& scene = m_collection->scene(m_scene);
    const int index = scene.indexOf(selectedSourceId());
    return index < 0 ? nullptr : &scene.sources.at(index);
}

bool SourcesDock::selectSource(const QString& id)
{
    for (int row = 0; row < m_tree->topLevelItemCount(); ++row) {
        QTreeWidgetItem* item = m_tree->topLevelItem(row);
        if (item->data(NameColumn, kIdRole).toString() == id) {
            m_tree->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

QString SourcesDock::uniqueName(const QString& base) const
{
    const QList<SceneSource>& sources = m_collection->scene(m_scene).sources;
    const auto taken = [&sources](const QString& name) {
        return std::any_of(sources.begin(), sources.end(),
                           [&name](const SceneSource& s) { return s.name == name; });
    };
    QString name = base;
    for (int n = 2; taken(name); ++n)
        name = QStringLiteral("%1 %2").arg(base).arg(n);
    return name;
}

QString SourcesDock::addSource(const QString& kind)
{
    SceneSource source;
    source.id = kind; // the collection numbers it when taken
    source.kind = kind;
    const QSize canvas = m_collection->canvas();
    if (kind == QLatin1String("color")) {
        source.name = uniqueName(tr("Colour"));
        source.settings = {{QStringLiteral("color"), QStringLiteral("#3c3c50")},
                           {QStringLiteral("width"), canvas.width()},
                           {QStringLiteral("height"), canvas.height()},
                           {QStringLiteral("x"), 0},
                           {QStringLiteral("y"), 0}};
    } else if (kind == QLatin1String("text")) {
        source.name = uniqueName(tr("Text"));
        source.settings = {{QStringLiteral("text"), tr("Text")},
                           {QStringLiteral("font"), QStringLiteral("DejaVu Sans")},
                           {QStringLiteral("size"), 48},
                           {QStringLiteral("color"), QStringLiteral("#ffffff")},
                           {QStringLiteral("x"), 100},
                           {QStringLiteral("y"), 100}};
    } else if (kind == QLatin1String("image") || kind == QLatin1String("video")) {
        const bool image = kind == QLatin1String("image");
        const QString path =
            image
                ? m_filePrompt(tr("Add image"),
                               tr("Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif);;All files (*)"))
                : m_filePrompt(tr("Add video"),
                               tr("Videos (*.mp4 *.mov *.mkv *.webm *.avi);;All files (*)"));
        if (path.isEmpty())
            return {};
        source.name = uniqueName(QFileInfo(path).completeBaseName());
        source.settings = {{QStringLiteral("path"), path},
                           {QStringLiteral("x"), 0},
                           {QStringLiteral("y"), 0},
                           {QStringLiteral("scale"), 1.0}};
    } else if (sb::studio::overlayKinds().contains(kind)) {
        source.name = uniqueName(kindName(kind)); // empty settings: the overlay's default look
    } else {
        return {};
    }
    const QString id = m_collection->addSource(m_scene, source);
    if (!id.isEmpty())
        selectSource(id);
    return id;
}

void SourcesDock::removeSelectedSource()
{
    const SceneSource* source = selectedSource();
    if (!source || source->locked)
        return;
    const QString id = source->id;
    if (!m_confirmPrompt(tr("Remove source"),
                         tr("Remove \"%1\" from the scene \"%2\"?").arg(source->name, m_sceneName)))
        return;
    m_collection->removeSource(m_scene, id);
}

void SourcesDock::moveSelectedUp()
{
    moveSelected(1);
}

void SourcesDock::moveSelectedDown()
{
    moveSelected(-1);
}

void SourcesDock::moveSelected(int steps)
{
    const SceneSource* source = selectedSource();
    if (!source || source->locked)
        return;
    const SceneData& scene = m_collection->scene(m_scene);
    const int index = scene.indexOf(source->id) + steps;
    if (index < 0 || index >= scene.sources.size())
        return;
    m_collection->moveSource(m_scene, source->id, index);
}

} // namespace sb::app
