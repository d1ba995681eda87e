#include "ScenesDock.h"

#include "SceneCollection.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QListWidget>
#include <QMessageBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace sb::app {

using sb::studio::SceneCollection;

ScenesDock::ScenesDock(SceneCollection* collection, QWidget* parent)
    : QDockWidget(tr("Scenes"), parent), m_collection(collection)
{
    setObjectName(QStringLiteral("ScenesDock"));

    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("scenesList"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);

    const auto makeButton = [](const QString& text, const QString& name, const QString& tip) {
        auto* button = new QToolButton;
        button->setText(text);
        button->setObjectName(name);
        button->setToolTip(tip);
        button->setAccessibleName(tip);
        return button;
    };
    m_addButton = makeButton(tr("+"), QStringLiteral("addSceneButton"), tr("Add a scene"));
    m_removeButton =
        makeButton(tr("−"), QStringLiteral("removeSceneButton"), tr("Remove the selected scene"));
    m_renameButton = makeButton(tr("Rename"), QStringLiteral("renameSceneButton"),
                                tr("Rename the selected scene"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addWidget(m_renameButton);
    buttons->addStretch();

    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    setWidget(content);

    m_namePrompt = [this](const QString& title, const QString& label, const QString& text) {
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, title, label, QLineEdit::Normal, text, &ok).trimmed();
        return ok ? name : QString();
    };
    m_confirmPrompt = [this](const QString& title, const QString& question) {
        return QMessageBox::question(this, title, question) == QMessageBox::Yes;
    };

    connect(m_addButton, &QToolButton::clicked, this, &ScenesDock::addScene);
    connect(m_removeButton, &QToolButton::clicked, this, &ScenesDock::removeSelectedScene);
    connect(m_renameButton, &QToolButton::clicked, this, &ScenesDock::renameSelectedScene);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        updateButtons();
        if (!m_syncing && row >= 0)
            emit sceneActivated(row);
    });
    connect(m_list, &QListWidget::itemDoubleClicked, this, &ScenesDock::renameSelectedScene);

    connect(m_collection, &SceneCollection::scenesChanged, this, &ScenesDock::rebuild);
    connect(m_collection, &SceneCollection::sceneChanged, this, &ScenesDock::updateSceneName);
    connect(m_collection, &SceneCollection::currentSceneChanged, this, &ScenesDock::selectCurrent);
    rebuild();
}

void ScenesDock::rebuild()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (int i = 0; i < m_collection->sceneCount(); ++i)
        m_list->addItem(m_collection->scene(i).name);
    selectCurrent();
}

void ScenesDock::updateSceneName(int index)
{
    if (QListWidgetItem* item = m_list->item(index))
        item->setText(m_collection->scene(index).name);
}

void ScenesDock::selectCurrent()
{
    m_syncing = true;
    m_list->setCurrentRow(m_collection->currentScene());
    m_syncing = false;
    updateButtons();
}

void ScenesDock::updateButtons()
{
    const bool selected = m_list->currentRow() >= 0;
    m_removeButton->setEnabled(selected && m_collection->sceneCount() > 1);
    m_renameButton->setEnabled(selected);
}

bool ScenesDock::nameTaken(const QString& name, int exceptIndex) const
{
    for (int i = 0; i < m_collection->sceneCount(); ++i) {
        if (i != exceptIndex && m_collection->scene(i).name == name)
            return true;
    }
    return false;
}

QString ScenesDock::askName(const QString& title, const QString& initial, int exceptIndex)
{
    QString label = tr("Scene name:");
    QString text = initial;
    for (;;) {
        const QString name = m_namePrompt(title, label, text).trimmed();
        if (name.isEmpty() || !nameTaken(name, exceptIndex))
            return name;
        // Ask again rather than fail silently: the operator sees why the name was refused.
        label = tr("A scene named \"%1\" already exists. Scene name:").arg(name);
        text = name;
    }
}

void ScenesDock::addScene()
{
    QString suggestion;
    for (int n = m_collection->sceneCount() + 1; suggestion.isEmpty() || nameTaken(suggestion); ++n)
        suggestion = tr("Scene %1").arg(n);
    const QString name = askName(tr("Add scene"), suggestion, -1);
    if (!name.isEmpty())
        m_collection->addScene(name);
}

void ScenesDock::removeSelectedScene()
{
    const int row = m_list->currentRow();
    if (row < 0 || m_collection->sceneCount() <= 1)
        return;
    const QString name = m_collection->scene(row).name;
    if (!m_confirmPrompt(tr("Remove scene"),
                         tr("Remove the scene \"%1\" and its sources?").arg(name)))
        return;
    m_collection->removeScene(row);
}

void ScenesDock::renameSelectedScene()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    const QString oldName = m_collection->scene(row).name;
    const QString name = askName(tr("Rename scene"), oldName, row);
    if (!name.isEmpty() && name != oldName)
        m_collection->renameScene(row, name);
}

} // namespace sb::app
