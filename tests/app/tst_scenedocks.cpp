// The Scenes, Sources and Properties docks driven as an operator would, by objectName, over the
// default scene collection: what they list, and that every edit lands in the collection as one
// undo step that undo takes back (and the docks show it).

#include "Overlay.h"
#include "PropertiesDock.h"
#include "SceneCollection.h"
#include "ScenesDock.h"
#include "SourcesDock.h"

#include <QAction>
#include <QCheckBox>
#include <QFontComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <memory>

using namespace sb::app;
using sb::studio::SceneCollection;
using sb::studio::SceneSource;
using namespace Qt::StringLiterals;

namespace {

template <typename T> T* child(QWidget& parent, const QString& name)
{
    T* widget = parent.findChild<T*>(name);
    if (!widget)
        qFatal("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return widget;
}

QStringList rowNames(const QTreeWidget* tree)
{
    QStringList names;
    for (int row = 0; row < tree->topLevelItemCount(); ++row)
        names << tree->topLevelItem(row)->text(SourcesDock::NameColumn);
    return names;
}

QTreeWidgetItem* rowOf(const QTreeWidget* tree, const QString& name)
{
    const QList<QTreeWidgetItem*> items =
        tree->findItems(name, Qt::MatchExactly, SourcesDock::NameColumn);
    return items.isEmpty() ? nullptr : items.first();
}

const SceneSource& sourceOf(const SceneCollection& collection, int scene, const QString& id)
{
    const auto& data = collection.scene(scene);
    const int index = data.indexOf(id);
    if (index < 0)
        qFatal("no source %s in scene %d", qPrintable(id), scene);
    return data.sources.at(index);
}

void clickRow(QTreeWidget* tree, QTreeWidgetItem* item)
{
    tree->scrollToItem(item);
    const QRect rect = tree->visualItemRect(item);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
}

} // namespace

class TestSceneDocks : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void scenesListShowsTheScenes();
    void addSceneAsksForAFreeNameAndUndoRemovesIt();
    void clickingASceneAsksForItWithoutSwitching();
    void removeAndRenameScene();
    void sourcesAreListedTopFirst();
    void untickingVisibleHidesAndUndoShows();
    void lockedSourceCannotBeRemovedOrMoved();
    void moveUpAndDownReorder();
    void addMenuAddsSourcesOnTop();
    void followsTheCurrentScene();
    void overlayPropertiesEditTheStyle();
    void spinStepsAreOneUndoStep();
    void colourButtonWritesAlpha();
    void textSourceTextEdit();
    void lockedSourceIsReadOnly();

private:
    std::unique_ptr<SceneCollection> m_collection;
    std::unique_ptr<QMainWindow> m_window; // owns the docks, as the studio window does
    ScenesDock* m_scenes = nullptr;
    SourcesDock* m_sources = nullptr;
    PropertiesDock* m_properties = nullptr;
    int m_auction = 0;
};

void TestSceneDocks::init()
{
    m_collection = std::make_unique<SceneCollection>();
    m_window = std::make_unique<QMainWindow>();
    m_scenes = new ScenesDock(m_collection.get(), m_window.get());
    m_sources = new SourcesDock(m_collection.get(), m_window.get());
    m_properties = new PropertiesDock(m_collection.get(), m_window.get());
    m_window->addDockWidget(Qt::LeftDockWidgetArea, m_scenes);
    m_window->addDockWidget(Qt::LeftDockWidgetArea, m_sources);
    m_window->addDockWidget(Qt::RightDockWidgetArea, m_properties);
    // What the main window wires: the selected source is the one whose properties show.
    connect(m_sources, &SourcesDock::sourceSelected, m_properties,
            [this](const QString& id) { m_properties->showSource(m_sources->scene(), id); });
    m_scenes->setConfirmPrompt([](const QString&, const QString&) { return true; });
    m_sources->setConfirmPrompt([](const QString&, const QString&) { return true; });
    m_window->resize(1000, 800);
    m_window->show();
    m_auction = m_collection->currentScene();
    QCOMPARE(m_collection->scene(m_auction).name, u"Auction"_s);
}

void TestSceneDocks::cleanup()
{
    m_window.reset();
    m_collection.reset();
}

void TestSceneDocks::scenesListShowsTheScenes()
{
    QCOMPARE(m_scenes->objectName(), u"ScenesDock"_s);
    auto* list = child<QListWidget>(*m_scenes, u"scenesList"_s);
    QCOMPARE(list->count(), 3);
    QCOMPARE(list->item(0)->text(), u"Auction"_s);
    QCOMPARE(list->item(1)->text(), u"Between auctions"_s);
    QCOMPARE(list->item(2)->text(), u"Be right back"_s);
    QCOMPARE(list->currentRow(), 0);
}

void TestSceneDocks::addSceneAsksForAFreeNameAndUndoRemovesIt()
{
    // The operator first types a name that is taken, is told so, and then a free one.
    QStringList answers{u"Auction"_s, u"Intermission"_s};
    QStringList labels;
    m_scenes->setNamePrompt([&](const QString&, const QString& label, const QString&) {
        labels << label;
        return answers.takeFirst();
    });
    child<QToolButton>(*m_scenes, u"addSceneButton"_s)->click();

    QCOMPARE(labels.size(), 2);
    QVERIFY(labels.at(1).contains(u"already exists"_s));
    QCOMPARE(m_collection->sceneCount(), 4);
    QCOMPARE(m_collection->scene(3).name, u"Intermission"_s);
    auto* list = child<QListWidget>(*m_scenes, u"scenesList"_s);
    QCOMPARE(list->count(), 4);
    QCOMPARE(list->item(3)->text(), u"Intermission"_s);

    m_collection->undoStack()->undo();
    QCOMPARE(m_collection->sceneCount(), 3);
    QCOMPARE(list->count(), 3);
    QCOMPARE(list->currentRow(), m_collection->currentScene());

    // Cancelling adds nothing.
    m_scenes->setNamePrompt(
        [](const QString&, const QString&, const QString&) { return QString(); });
    child<QToolButton>(*m_scenes, u"addSceneButton"_s)->click();
    QCOMPARE(m_collection->sceneCount(), 3);
}

void TestSceneDocks::clickingASceneAsksForItWithoutSwitching()
{
    auto* list = child<QListWidget>(*m_scenes, u"scenesList"_s);
    QSignalSpy activated(m_scenes, &ScenesDock::sceneActivated);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(2)).center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toInt(), 2);
    QCOMPARE(m_collection->currentScene(), 0); // the main window switches, with a transition

    // When the program does switch, the list follows without asking again.
    m_collection->setCurrentScene(1);
    QCOMPARE(list->currentRow(), 1);
    QCOMPARE(activated.size(), 1);
}

void TestSceneDocks::removeAndRenameScene()
{
    auto* list = child<QListWidget>(*m_scenes, u"scenesList"_s);
    list->setCurrentRow(2);

    bool answer = false;
    m_scenes->setConfirmPrompt([&](const QString&, const QString&) { return answer; });
    child<QToolButton>(*m_scenes, u"removeSceneButton"_s)->click();
    QCOMPARE(m_collection->sceneCount(), 3); // the operator said no
    answer = true;
    child<QToolButton>(*m_scenes, u"removeSceneButton"_s)->click();
    QCOMPARE(m_collection->sceneCount(), 2);
    QCOMPARE(list->count(), 2);

    list->setCurrentRow(1);
    m_scenes->setNamePrompt([](const QString&, const QString&, const QString& text) {
        return text == u"Between auctions"_s ? u"Intermission"_s : QString();
    });
    child<QToolButton>(*m_scenes, u"renameSceneButton"_s)->click();
    QCOMPARE(m_collection->scene(1).name, u"Intermission"_s);
    QCOMPARE(list->item(1)->text(), u"Intermission"_s);
    m_collection->undoStack()->undo();
    QCOMPARE(list->item(1)->text(), u"Between auctions"_s);
}

void TestSceneDocks::sourcesAreListedTopFirst()
{
    QCOMPARE(m_sources->objectName(), u"SourcesDock"_s);
    auto* tree = child<QTreeWidget>(*m_sources, u"sourcesTree"_s);
    QStringList expected;
    for (const SceneSource& s : m_collection->scene(m_auction).sources)
        expected.prepend(s.name);
    QCOMPARE(rowNames(tree), expected);
    QCOMPARE(rowNames(tree).first(), u"SOLD banner"_s);
    QCOMPARE(rowNames(tree).last(), u"Artwork"_s);
}

void TestSceneDocks::untickingVisibleHidesAndUndoShows()
{
    auto* tree = child<QTreeWidget>(*m_sources, u"sourcesTree"_s);
    QTreeWidgetItem* bar = rowOf(tree, u"Auction bar"_s);
    QVERIFY(bar);
    QCOMPARE(bar->checkState(SourcesDock::VisibleColumn), Qt::Checked);

    bar->setCheckState(SourcesDock::VisibleColumn, Qt::Unchecked); // what a click on the tick does
    QVERIFY(!sourceOf(*m_collection, m_auction, u"bar"_s).visible);

    m_collection->undoStack()->undo();
    QVERIFY(sourceOf(*m_collection, m_auction, u"bar"_s).visible);
    QCOMPARE(rowOf(tree, u"Auction bar"_s)->checkState(SourcesDock::VisibleColumn), Qt::Checked);
}

void TestSceneDocks::lockedSourceCannotBeRemovedOrMoved()
{
    auto* tree = child<QTreeWidget>(*m_sources, u"sourcesTree"_s);
    auto* remove = child<QToolButton>(*m_sources, u"removeSourceButton"_s);
    auto* up = child<QToolButton>(*m_sources, u"moveSourceUpButton"_s);
    auto* down = child<QToolButton>(*m_sources, u"moveSourceDownButton"_s);

    clickRow(tree, rowOf(tree, u"Bid feed"_s));
    QCOMPARE(m_sources->selectedSourceId(), u"feed"_s);
    QVERIFY(remove->isEnabled() && up->isEnabled() && down->isEnabled());

    rowOf(tree, u"Bid feed"_s)->setCheckState(SourcesDock::LockedColumn, Qt::Checked);
    QVERIFY(sourceOf(*m_collection, m_auction, u"feed"_s).locked);
    QVERIFY(!remove->isEnabled() && !up->isEnabled() && !down->isEnabled());

    const auto before = m_collection->scene(m_auction);
    m_sources->removeSelectedSource();
    m_sources->moveSelectedUp();
    m_sources->moveSelectedDown();
    QCOMPARE(m_collection->scene(m_auction), before);

    m_collection->undoStack()->undo(); // unlocks
    QVERIFY(!sourceOf(*m_collection, m_auction, u"feed"_s).locked);
    QVERIFY(remove->isEnabled());
    remove->click();
    QCOMPARE(m_collection->scene(m_auction).indexOf(u"feed"_s), -1);
    QVERIFY(!rowOf(tree, u"Bid feed"_s));
    QCOMPARE(m_sources->selectedSourceId(), QString());
}

void TestSceneDocks::moveUpAndDownReorder()
{
    auto* tree = child<QTreeWidget>(*m_sources, u"sourcesTree"_s);
    const auto& scene = [this]() -> const sb::studio::SceneData& {
        return m_collection->scene(m_auction);
    };
    clickRow(tree, rowOf(tree, u"Auction bar"_s));
    QCOMPARE(scene().indexOf(u"bar"_s), 4);

    child<QToolButton>(*m_sources, u"moveSourceUpButton"_s)->click();
    QCOMPARE(scene().indexOf(u"bar"_s), 5);
    QCOMPARE(rowNames(tree).indexOf(u"Auction bar"_s), 2); // 8 sources, top first
    QCOMPARE(m_sources->selectedSourceId(), u"bar"_s);     // still selected after the move

    auto* down = child<QToolButton>(*m_sources, u"moveSourceDownButton"_s);
    down->click();
    down->click();
    QCOMPARE(scene().indexOf(u"bar"_s), 3);
    QCOMPARE(rowNames(tree).indexOf(u"Auction bar"_s), 4);

    // At the bottom, Down is disabled.
    clickRow(tree, rowOf(tree, u"Artwork"_s));
    QVERIFY(!down->isEnabled());
    QVERIFY(child<QToolButton>(*m_sources, u"moveSourceUpButton"_s)->isEnabled());
}

void TestSceneDocks::addMenuAddsSourcesOnTop()
{
    auto* tree = child<QTreeWidget>(*m_sources, u"sourcesTree"_s);
    auto* menu = child<QToolButton>(*m_sources, u"addSourceButton"_s)->menu();
    QVERIFY(menu);
    QSignalSpy selected(m_sources, &SourcesDock::sourceSelected);

    m_sources->setFilePrompt([](const QString&, const QString&) { return u"/tmp/logo.png"_s; });
    menu->findChild<QAction*>(u"addSourceAction_image"_s)->trigger();
    const auto& top = m_collection->scene(m_auction).sources.last();
    QCOMPARE(top.kind, u"image"_s);
    QCOMPARE(top.name, u"logo"_s);
    QCOMPARE(top.settings.value(u"path"_s).toString(), u"/tmp/logo.png"_s);
    QCOMPARE(rowNames(tree).first(), u"logo"_s);
    QCOMPARE(selected.last().at(0).toString(), top.id);

    // A cancelled file dialog adds nothing.
    m_sources->setFilePrompt([](const QString&, const QString&) { return QString(); });
    const int count = int(m_collection->scene(m_auction).sources.size());
    menu->findChild<QAction*>(u"addSourceAction_video"_s)->trigger();
    QCOMPARE(m_collection->scene(m_auction).sources.size(), count);

    // A second auction bar gets its own id and name, and the overlay's default look.
    menu->findChild<QAction*>(u"addSourceAction_auction_bar"_s)->trigger();
    const auto& bar = m_collection->scene(m_auction).sources.last();
    QCOMPARE(bar.kind, u"auction_bar"_s);
    QCOMPARE(bar.id, u"auction_bar"_s);
    QCOMPARE(bar.name, u"Auction bar 2"_s);
    QVERIFY(bar.settings.isEmpty());
    QCOMPARE(m_properties->sourceId(), bar.id);

    for (const QString& kind : {u"color"_s, u"text"_s})
        QVERIFY(!m_sources->addSource(kind).isEmpty());
    QCOMPARE(rowNames(tree).mid(0, 2), (QStringList{u"Text"_s, u"Colour"_s}));
}

void TestSceneDocks::followsTheCurrentScene()
{
    auto* tree = child<QTreeWidget>(*m_sources, u"sourcesTree"_s);
    clickRow(tree, rowOf(tree, u"Host"_s));
    QCOMPARE(m_properties->sourceId(), u"host"_s);

    QSignalSpy selected(m_sources, &SourcesDock::sourceSelected);
    m_collection->setCurrentScene(2);
    QCOMPARE(m_sources->scene(), 2);
    QCOMPARE(rowNames(tree), (QStringList{u"Host"_s, u"Title"_s}));
    // The other scene's "host" is another source: nothing stays selected.
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.at(0).at(0).toString(), QString());
    QCOMPARE(m_properties->sourceId(), QString());
    QVERIFY(child<QLabel>(*m_properties, u"propertiesPlaceholder"_s)->isVisibleTo(m_properties));
}

void TestSceneDocks::overlayPropertiesEditTheStyle()
{
    QCOMPARE(m_properties->objectName(), u"PropertiesDock"_s);
    auto* tree = child<QTreeWidget>(*m_sources, u"sourcesTree"_s);
    clickRow(tree, rowOf(tree, u"Auction bar"_s));
    QCOMPARE(m_properties->sourceId(), u"bar"_s);

    // An empty style shows the overlay's defaults.
    const auto defaults = sb::studio::createOverlay(u"auction_bar"_s)->defaultStyle();
    auto* x = child<QSpinBox>(*m_properties, u"xSpin"_s);
    auto* fontSize = child<QSpinBox>(*m_properties, u"fontSizeSpin"_s);
    QCOMPARE(x->value(), defaults.geometry.x());
    QCOMPARE(fontSize->value(), defaults.fontPixelSize);
    QCOMPARE(child<QSpinBox>(*m_properties, u"widthSpin"_s)->value(), defaults.geometry.width());
    QCOMPARE(child<QLineEdit>(*m_properties, u"sourceNameEdit"_s)->text(), u"Auction bar"_s);

    x->setValue(100);
    fontSize->setValue(40);
    const QJsonObject settings = sourceOf(*m_collection, m_auction, u"bar"_s).settings;
    QCOMPARE(settings.value(u"x"_s).toInt(), 100);
    QCOMPARE(settings.value(u"font_size"_s).toInt(), 40);
    QVERIFY(!settings.contains(u"width"_s)); // untouched keys keep following the defaults

    // Undo shows in the form.
    m_collection->undoStack()->undo();
    QCOMPARE(fontSize->value(), defaults.fontPixelSize);
    QCOMPARE(x->value(), 100);

    // Opacity is the source's, not the style's.
    child<QSlider>(*m_properties, u"opacitySlider"_s)->setValue(50);
    QCOMPARE(sourceOf(*m_collection, m_auction, u"bar"_s).opacity, 0.5);

    // Renaming through the name field shows in the Sources dock.
    auto* name = child<QLineEdit>(*m_properties, u"sourceNameEdit"_s);
    name->setText(u"Price bar"_s);
    emit name->editingFinished();
    QCOMPARE(sourceOf(*m_collection, m_auction, u"bar"_s).name, u"Price bar"_s);
    QVERIFY(rowOf(tree, u"Price bar"_s));
}

void TestSceneDocks::spinStepsAreOneUndoStep()
{
    auto* tree = child<QTreeWidget>(*m_sources, u"sourcesTree"_s);
    clickRow(tree, rowOf(tree, u"Bid feed"_s));
    auto* fontSize = child<QSpinBox>(*m_properties, u"fontSizeSpin"_s);
    const int start = fontSize->value();
    const int undoSteps = m_collection->undoStack()->count();

    for (int i = 0; i < 5; ++i)
        QTest::keyClick(fontSize, Qt::Key_Up);
    QCOMPARE(sourceOf(*m_collection, m_auction, u"feed"_s).settings.value(u"font_size"_s).toInt(),
             start + 5);
    QCOMPARE(m_collection->undoStack()->count(), undoSteps + 1);

    // Another field is another step.
    QTest::keyClick(child<QSpinBox>(*m_properties, u"ySpin"_s), Qt::Key_Up);
    QCOMPARE(m_collection->undoStack()->count(), undoSteps + 2);

    m_collection->undoStack()->undo();
    m_collection->undoStack()->undo();
    QVERIFY(sourceOf(*m_collection, m_auction, u"feed"_s).settings.isEmpty());
    QCOMPARE(fontSize->value(), start);
}

void TestSceneDocks::colourButtonWritesAlpha()
{
    auto* tree = child<QTreeWidget>(*m_sources, u"sourcesTree"_s);
    clickRow(tree, rowOf(tree, u"Artwork"_s));
    QColor offered;
    m_properties->setColorPrompt([&](const QColor& initial, const QString&) {
        offered = initial;
        return QColor(255, 0, 0, 128);
    });
    auto* background = child<QPushButton>(*m_properties, u"backgroundColorButton"_s);
    background->click();
    const auto defaults = sb::studio::createOverlay(u"lot_card"_s)->defaultStyle();
    QCOMPARE(offered, defaults.background);
    QCOMPARE(sourceOf(*m_collection, m_auction, u"lot"_s).settings.value(u"background"_s),
             QJsonValue(u"#80ff0000"_s));
    QCOMPARE(background->text(), u"#80ff0000"_s);

    // Cancelling the dialog changes nothing.
    m_properties->setColorPrompt([](const QColor&, const QString&) { return QColor(); });
    const int steps = m_collection->undoStack()->count();
    child<QPushButton>(*m_properties, u"accentColorButton"_s)->click();
    QCOMPARE(m_collection->undoStack()->count(), steps);
}

void TestSceneDocks::textSourceTextEdit()
{
    m_collection->setCurrentScene(2); // "Be right back": a text layer and the host
    auto* tree = child<QTreeWidget>(*m_sources, u"sourcesTree"_s);
    clickRow(tree, rowOf(tree, u"Title"_s));
    QCOMPARE(m_properties->scene(), 2);
    QCOMPARE(m_properties->sourceId(), u"title"_s);

    auto* text = child<QLineEdit>(*m_properties, u"textEdit"_s);
    QCOMPARE(text->text(), u"We'll be right back"_s);
    QCOMPARE(child<QSpinBox>(*m_properties, u"sizeSpin"_s)->value(), 64);
    const int steps = m_collection->undoStack()->count();

    text->selectAll();
    QTest::keyClicks(text, u"Back in 5"_s);
    const auto& title = sourceOf(*m_collection, 2, u"title"_s);
    QCOMPARE(title.settings.value(u"text"_s).toString(), u"Back in 5"_s);
    QCOMPARE(title.settings.value(u"size"_s).toInt(), 64); // other keys stay
    QCOMPARE(m_collection->undoStack()->count(), steps + 1);

    child<QCheckBox>(*m_properties, u"boldCheck"_s)->click();
    QVERIFY(sourceOf(*m_collection, 2, u"title"_s).settings.value(u"bold"_s).toBool());

    m_collection->undoStack()->undo();
    m_collection->undoStack()->undo();
    QCOMPARE(text->text(), u"We'll be right back"_s);
}

void TestSceneDocks::lockedSourceIsReadOnly()
{
    auto* tree = child<QTreeWidget>(*m_sources, u"sourcesTree"_s);
    clickRow(tree, rowOf(tree, u"Schedule card"_s));
    auto* note = child<QLabel>(*m_properties, u"lockedNote"_s);
    auto* x = child<QSpinBox>(*m_properties, u"xSpin"_s);
    QVERIFY(!note->isVisibleTo(m_properties));
    QVERIFY(x->isEnabled());

    rowOf(tree, u"Schedule card"_s)->setCheckState(SourcesDock::LockedColumn, Qt::Checked);
    QVERIFY(note->isVisibleTo(m_properties));
    QVERIFY(!x->isEnabled());
    QVERIFY(!child<QSlider>(*m_properties, u"opacitySlider"_s)->isEnabled());
    QVERIFY(child<QLineEdit>(*m_properties, u"sourceNameEdit"_s)->isReadOnly());
    const int steps = m_collection->undoStack()->count();
    QTest::keyClick(x, Qt::Key_Up); // a disabled field takes no input
    QCOMPARE(m_collection->undoStack()->count(), steps);

    m_collection->undoStack()->undo();
    QVERIFY(!note->isVisibleTo(m_properties));
    QVERIFY(x->isEnabled());
}

QTEST_MAIN(TestSceneDocks)
#include "tst_scenedocks.moc"
