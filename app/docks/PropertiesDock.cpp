#include "PropertiesDock.h"

#include "Overlay.h"
#include "SceneCollection.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFontComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace sb::app {

using sb::studio::OverlayStyle;
using sb::studio::SceneCollection;
using sb::studio::SceneData;
using sb::studio::SceneSource;

namespace {

// SceneJson reads x and y up to this far off the canvas; beyond is surely a typo.
constexpr int kFarPx = 100000;
constexpr int kMaxSizePx = 16384;

// The spelling both OverlayStyle and SceneJson read: "#rrggbb", or "#aarrggbb" when translucent.
QString colorText(const QColor& color)
{
    return color.alpha() == 255 ? color.name(QColor::HexRgb) : color.name(QColor::HexArgb);
}

QColor colorFrom(const QJsonValue& value, const QColor& fallback)
{
    const QColor color = QColor::fromString(value.toString());
    return color.isValid() ? color : fallback;
}

void showColor(QPushButton* button, const QColor& color)
{
    // A swatch over a checkerboard, so that a translucent colour looks translucent.
    QPixmap swatch(24, 16);
    swatch.fill(Qt::white);
    QPainter painter(&swatch);
    for (int y = 0; y < 16; y += 4) {
        for (int x = (y / 4) % 2 * 4; x < 24; x += 8)
            painter.fillRect(x, y, 4, 4, Qt::lightGray);
    }
    painter.fillRect(swatch.rect(), color);
    painter.end();
    button->setIcon(QIcon(swatch));
    button->setText(colorText(color));
    button->setProperty("color", color);
}

} // namespace

PropertiesDock::PropertiesDock(SceneCollection* collection, QWidget* parent)
    : QDockWidget(tr("Properties"), parent), m_collection(collection)
{
    setObjectName(QStringLiteral("PropertiesDock"));

    m_placeholder = new QLabel(tr("Select a source to edit its properties."));
    m_placeholder->setObjectName(QStringLiteral("propertiesPlaceholder"));
    m_placeholder->setWordWrap(true);

    m_lockedNote = new QLabel(tr("Locked: unlock the source in the Sources dock to edit it."));
    m_lockedNote->setObjectName(QStringLiteral("lockedNote"));
    m_lockedNote->setWordWrap(true);

    m_nameEdit = new QLineEdit;
    m_nameEdit->setObjectName(QStringLiteral("sourceNameEdit"));
    m_opacitySlider = new QSlider(Qt::Horizontal);
    m_opacitySlider->setObjectName(QStringLiteral("opacitySlider"));
    m_opacitySlider->setRange(0, 100);
    m_opacityLabel = new QLabel;
    m_opacityLabel->setObjectName(QStringLiteral("opacityLabel"));
    m_opacityLabel->setMinimumWidth(
        m_opacityLabel->fontMetrics().horizontalAdvance(QStringLiteral("100 %")));
    auto* opacityRow = new QHBoxLayout;
    opacityRow->addWidget(m_opacitySlider);
    opacityRow->addWidget(m_opacityLabel);

    auto* common = new QFormLayout;
    common->addRow(tr("Name"), m_nameEdit);
    common->addRow(tr("Opacity"), opacityRow);

    m_editor = new QWidget;
    m_editor->setObjectName(QStringLiteral("propertiesEditor"));
    auto* editorLayout = new QVBoxLayout(m_editor);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_lockedNote);
    editorLayout->addLayout(common);

    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_placeholder);
    layout->addWidget(m_editor);
    layout->addStretch();
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    setWidget(scroll);

    m_colorPrompt = [this](const QColor& initial, const QString& title) {
        return QColorDialog::getColor(initial, this, title, QColorDialog::ShowAlphaChannel);
    };
    m_filePrompt = [this](const QString& title, const QString& filter) {
        return QFileDialog::getOpenFileName(this, title, QString(), filter);
    };

    connect(m_nameEdit, &QLineEdit::editingFinished, this, [this] {
        const SceneSource* s = source();
        if (!s)
            return;
        const QString name = m_nameEdit->text().trimmed();
        if (name.isEmpty())
            m_nameEdit->setText(s->name); // a source keeps a name
        else if (name != s->name)
            m_collection->renameSource(m_scene, m_id, name);
    });
    connect(m_opacitySlider, &QSlider::valueChanged, this, [this](int percent) {
        m_opacityLabel->setText(tr("%1 %").arg(percent));
        if (source())
            m_collection->setSourceOpacity(m_scene, m_id, percent / 100.0);
    });
    connect(m_collection, &SceneCollection::sceneChanged, this, &PropertiesDock::followScene);
    connect(m_collection, &SceneCollection::scenesChanged, this, &PropertiesDock::followScenes);
    clear();
}

PropertiesDock::~PropertiesDock() = default;

const SceneSource* PropertiesDock::source() const
{
    if (m_scene < 0 || m_scene >= m_collection->sceneCount() || m_id.isEmpty())
        return nullptr;
    const SceneData& scene = m_collection->scene(m_scene);
    const int index = scene.indexOf(m_id);
    return index < 0 ? nullptr : &scene.sources.at(index);
}

bool PropertiesDock::isOverlay() const
{
    return m_overlayDefaults != nullptr;
}

QJsonObject PropertiesDock::effectiveSettings(const SceneSource& source) const
{
    if (m_overlayDefaults)
        return OverlayStyle::fromJson(source.settings, *m_overlayDefaults).toJson();
    return source.settings;
}

void PropertiesDock::writeSetting(const QString& key, const QJsonValue& value)
{
    const SceneSource* s = source();
    if (!s || s->locked)
        return;
    // Only the edited key is written: an overlay's other keys keep following its defaults.
    QJsonObject settings = s->settings;
    settings.insert(key, value);
    m_collection->setSourceSettings(m_scene, m_id, settings, key);
}

void PropertiesDock::showSource(int scene, const QString& id)
{
    if (scene < 0 || scene >= m_collection->sceneCount() || id.isEmpty() ||
        m_collection->scene(scene).indexOf(id) < 0) {
        clear();
        return;
    }
    m_scene = scene;
    m_sceneName = m_collection->scene(scene).name;
    m_id = id;
    rebuildForm(*source());
    refresh();
}

void PropertiesDock::clear()
{
    m_scene = -1;
    m_sceneName.clear();
    m_id.clear();
    m_overlayDefaults.reset();
    m_refreshers.clear();
    delete m_form;
    m_form = nullptr;
    m_editor->hide();
    m_placeholder->show();
}

void PropertiesDock::followScene(int index)
{
    if (index != m_scene)
        return;
    if (!source()) {
        clear(); // removed, or the removal of its scene's edit was undone
        return;
    }
    m_sceneName = m_collection->scene(index).name;
    refresh();
}

void PropertiesDock::followScenes()
{
    // Scenes were added, removed or reloaded: find the scene again by its (unique) name.
    for (int i = 0; i < m_collection->sceneCount(); ++i) {
        if (m_collection->scene(i).name == m_sceneName && !m_sceneName.isEmpty()) {
            m_scene = i;
            if (source()) {
                refresh();
                return;
            }
            break;
        }
    }
    clear();
}

void PropertiesDock::refresh()
{
    const SceneSource* s = source();
    if (!s)
        return;
    m_placeholder->hide();
    m_editor->show();
    if (m_nameEdit->text() != s->name && !m_nameEdit->hasFocus())
        m_nameEdit->setText(s->name);
    {
        const QSignalBlocker blocker(m_opacitySlider);
        m_opacitySlider->setValue(qRound(s->opacity * 100.0));
    }
    m_opacityLabel->setText(tr("%1 %").arg(m_opacitySlider->value()));
    m_lockedNote->setVisible(s->locked);
    m_nameEdit->setReadOnly(s->locked);
    m_opacitySlider->setEnabled(!s->locked);
    if (m_form)
        m_form->setEnabled(!s->locked);
    const QJsonObject settings = effectiveSettings(*s);
    for (const auto& show : m_refreshers)
        show(settings);
}

void PropertiesDock::rebuildForm(const SceneSource& source)
{
    m_refreshers.clear();
    delete m_form;
    m_overlayDefaults.reset();
    if (const auto overlay = sb::studio::createOverlay(source.kind))
        m_overlayDefaults = std::make_unique<OverlayStyle>(overlay->defaultStyle());

    m_form = new QWidget;
    m_form->setObjectName(QStringLiteral("sourceForm"));
    auto* form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    if (isOverlay())
        buildOverlayForm(form);
    else if (source.kind == QLatin1String("text"))
        buildTextForm(form);
    else if (source.kind == QLatin1String("color"))
        buildColorForm(form);
    else if (source.kind == QLatin1String("image") || source.kind == QLatin1String("video"))
        buildMediaForm(form, source.kind == QLatin1String("image"));
    else
        form->addRow(new QLabel(
            tr("This kind of source (%1) has no properties to edit here.").arg(source.kind)));
    m_editor->layout()->addWidget(m_form);
}

void PropertiesDock::buildOverlayForm(QFormLayout* form)
{
    const OverlayStyle& d = *m_overlayDefaults;
    addFontField(form, tr("Font"), QStringLiteral("font"), d.fontFamily);
    addIntField(form, tr("Font size"), QStringLiteral("font_size"), QStringLiteral("fontSizeSpin"),
                6, 400, d.fontPixelSize);
    addColorField(form, tr("Background"), QStringLiteral("background"),
                  QStringLiteral("backgroundColorButton"), d.background);
    addColorField(form, tr("Text colour"), QStringLiteral("text"),
                  QStringLiteral("textColorButton"), d.text);
    addColorField(form, tr("Accent colour"), QStringLiteral("accent"),
                  QStringLiteral("accentColorButton"), d.accent);
    addIntField(form, tr("X"), QStringLiteral("x"), QStringLiteral("xSpin"), -kFarPx, kFarPx,
                d.geometry.x());
    addIntField(form, tr("Y"), QStringLiteral("y"), QStringLiteral("ySpin"), -kFarPx, kFarPx,
                d.geometry.y());
    addIntField(form, tr("Width"), QStringLiteral("width"), QStringLiteral("widthSpin"), 1,
                kMaxSizePx, d.geometry.width());
    addIntField(form, tr("Height"), QStringLiteral("height"), QStringLiteral("heightSpin"), 1,
                kMaxSizePx, d.geometry.height());
}

void PropertiesDock::buildTextForm(QFormLayout* form)
{
    // Fallbacks are the text layer's own defaults (render/TextSource.h).
    addTextField(form, tr("Text"), QStringLiteral("text"), QStringLiteral("textEdit"));
    addFontField(form, tr("Font"), QStringLiteral("font"), QStringLiteral("DejaVu Sans"));
    addIntField(form, tr("Size"), QStringLiteral("size"), QStringLiteral("sizeSpin"), 1, 1000, 48);
    addBoolField(form, tr("Bold"), QStringLiteral("bold"), QStringLiteral("boldCheck"));
    addColorField(form, tr("Colour"), QStringLiteral("color"), QStringLiteral("colorButton"),
                  Qt::white);
    addColorField(form, tr("Outline colour"), QStringLiteral("outline_color"),
                  QStringLiteral("outlineColorButton"), Qt::transparent);
    addNumberField(form, tr("Outline width"), QStringLiteral("outline_width"),
                   QStringLiteral("outlineWidthSpin"), 0.0, 100.0, 0.5, 0.0);
    addColorField(form, tr("Shadow colour"), QStringLiteral("shadow_color"),
                  QStringLiteral("shadowColorButton"), Qt::transparent);
    addNumberField(form, tr("Shadow X"), QStringLiteral("shadow_x"), QStringLiteral("shadowXSpin"),
                   -1000.0, 1000.0, 1.0, 0.0);
    addNumberField(form, tr("Shadow Y"), QStringLiteral("shadow_y"), QStringLiteral("shadowYSpin"),
                   -1000.0, 1000.0, 1.0, 0.0);
    addIntField(form, tr("X"), QStringLiteral("x"), QStringLiteral("xSpin"), -kFarPx, kFarPx, 0);
    addIntField(form, tr("Y"), QStringLiteral("y"), QStringLiteral("ySpin"), -kFarPx, kFarPx, 0);
}

void PropertiesDock::buildColorForm(QFormLayout* form)
{
    const QSize canvas = m_collection->canvas();
    addColorField(form, tr("Colour"), QStringLiteral("color"), QStringLiteral("colorButton"),
                  Qt::white);
    addIntField(form, tr("Width"), QStringLiteral("width"), QStringLiteral("widthSpin"), 1,
                kMaxSizePx, canvas.width());
    addIntField(form, tr("Height"), QStringLiteral("height"), QStringLiteral("heightSpin"), 1,
                kMaxSizePx, canvas.height());
    addIntField(form, tr("X"), QStringLiteral("x"), QStringLiteral("xSpin"), -kFarPx, kFarPx, 0);
    addIntField(form, tr("Y"), QStringLiteral("y"), QStringLiteral("ySpin"), -kFarPx, kFarPx, 0);
}

void PropertiesDock::buildMediaForm(QFormLayout* form, bool image)
{
    if (image)
        addPathField(form, QStringLiteral("path"), tr("Choose an image"),
                     tr("Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif);;All files (*)"));
    else
        addPathField(form, QStringLiteral("path"), tr("Choose a video"),
                     tr("Videos (*.mp4 *.mov *.mkv *.webm *.avi);;All files (*)"));
    addIntField(form, tr("X"), QStringLiteral("x"), QStringLiteral("xSpin"), -kFarPx, kFarPx, 0);
    addIntField(form, tr("Y"), QStringLiteral("y"), QStringLiteral("ySpin"), -kFarPx, kFarPx, 0);
    addNumberField(form, tr("Scale"), QStringLiteral("scale"), QStringLiteral("scaleSpin"), 0.01,
                   100.0, 0.05, 1.0);
}

QSpinBox* PropertiesDock::addIntField(QFormLayout* form, const QString& label, const QString& key,
                                      const QString& objectName, int minimum, int maximum,
                                      int fallback)
{
    auto* spin = new QSpinBox;
    spin->setObjectName(objectName);
    spin->setRange(minimum, maximum);
    form->addRow(label, spin);
    connect(spin, &QSpinBox::valueChanged, this,
            [this, key](int value) { writeSetting(key, value); });
    m_refreshers.push_back([spin, key, fallback](const QJsonObject& settings) {
        const QSignalBlocker blocker(spin);
        spin->setValue(settings.value(key).toInt(fallback));
    });
    return spin;
}

QDoubleSpinBox* PropertiesDock::addNumberField(QFormLayout* form, const QString& label,
                                               const QString& key, const QString& objectName,
                                               double minimum, double maximum, double step,
                                               double fallback)
{
    auto* spin = new QDoubleSpinBox;
    spin->setObjectName(objectName);
    spin->setRange(minimum, maximum);
    spin->setSingleStep(step);
    spin->setDecimals(2);
    form->addRow(label, spin);
    connect(spin, &QDoubleSpinBox::valueChanged, this,
            [this, key](double value) { writeSetting(key, value); });
    m_refreshers.push_back([spin, key, fallback](const QJsonObject& settings) {
        const QSignalBlocker blocker(spin);
        spin->setValue(settings.value(key).toDouble(fallback));
    });
    return spin;
}

QPushButton* PropertiesDock::addColorField(QFormLayout* form, const QString& label,
                                           const QString& key, const QString& objectName,
                                           const QColor& fallback)
{
    auto* button = new QPushButton;
    button->setObjectName(objectName);
    form->addRow(label, button);
    connect(button, &QPushButton::clicked, this, [this, button, key, label] {
        const QColor current = button->property("color").value<QColor>();
        const QColor chosen = m_colorPrompt(current, label);
        if (chosen.isValid() && chosen != current)
            writeSetting(key, colorText(chosen));
    });
    m_refreshers.push_back([button, key, fallback](const QJsonObject& settings) {
        showColor(button, colorFrom(settings.value(key), fallback));
    });
    return button;
}

QFontComboBox* PropertiesDock::addFontField(QFormLayout* form, const QString& label,
                                            const QString& key, const QString& fallback)
{
    auto* combo = new QFontComboBox;
    combo->setObjectName(QStringLiteral("fontCombo"));
    form->addRow(label, combo);
    connect(combo, &QFontComboBox::currentFontChanged, this,
            [this, key](const QFont& font) { writeSetting(key, font.family()); });
    m_refreshers.push_back([combo, key, fallback](const QJsonObject& settings) {
        const QSignalBlocker blocker(combo);
        combo->setCurrentFont(QFont(settings.value(key).toString(fallback)));
    });
    return combo;
}

QLineEdit* PropertiesDock::addTextField(QFormLayout* form, const QString& label, const QString& key,
                                        const QString& objectName)
{
    auto* edit = new QLineEdit;
    edit->setObjectName(objectName);
    form->addRow(label, edit);
    // Each keystroke shows on the canvas; the typing is one undo step (one merge key).
    connect(edit, &QLineEdit::textEdited, this,
            [this, key](const QString& text) { writeSetting(key, text); });
    m_refreshers.push_back([edit, key](const QJsonObject& settings) {
        const QString text = settings.value(key).toString();
        if (edit->text() != text) // setText would move the cursor of someone typing
            edit->setText(text);
    });
    return edit;
}

QCheckBox* PropertiesDock::addBoolField(QFormLayout* form, const QString& label, const QString& key,
                                        const QString& objectName)
{
    auto* check = new QCheckBox;
    check->setObjectName(objectName);
    form->addRow(label, check);
    connect(check, &QCheckBox::toggled, this,
            [this, key](bool checked) { writeSetting(key, checked); });
    m_refreshers.push_back([check, key](const QJsonObject& settings) {
        const QSignalBlocker blocker(check);
        check->setChecked(settings.value(key).toBool(false));
    });
    return check;
}

void PropertiesDock::addPathField(QFormLayout* form, const QString& key, const QString& title,
                                  const QString& filter)
{
    auto* edit = new QLineEdit;
    edit->setObjectName(QStringLiteral("pathEdit"));
    auto* browse = new QToolButton;
    browse->setObjectName(QStringLiteral("browseButton"));
    browse->setText(tr("Browse…"));
    auto* row = new QHBoxLayout;
    row->addWidget(edit);
    row->addWidget(browse);
    form->addRow(tr("File"), row);
    // A path is written when complete, not per keystroke: a half-typed path is not a file.
    connect(edit, &QLineEdit::editingFinished, this, [this, edit, key] {
        const SceneSource* s = source();
        if (s && !edit->text().isEmpty() && edit->text() != s->settings.value(key).toString())
            writeSetting(key, edit->text());
    });
    connect(browse, &QToolButton::clicked, this, [this, key, title, filter] {
        const QString path = m_filePrompt(title, filter);
        if (!path.isEmpty())
            writeSetting(key, path);
    });
    m_refreshers.push_back([edit, key](const QJsonObject& settings) {
        const QString path = settings.value(key).toString();
        if (edit->text() != path)
            edit->setText(path);
    });
}

} // namespace sb::app
