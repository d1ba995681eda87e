#pragma once
// The Properties dock, as in OBS Studio: edits the selected source. Its name and opacity, then a
// form for its kind: an overlay's style (font, colours, geometry), a text layer's text and look, a
// colour layer's colour and size, an image's or a video's file and placement. Every change goes
// through SceneCollection::setSourceSettings with one merge key per field, so dragging a spin box
// is one undo step; undo and redo show up here because the form follows the collection.

#include <QColor>
#include <QDockWidget>
#include <QJsonObject>

#include <functional>
#include <memory>
#include <vector>

class QCheckBox;
class QDoubleSpinBox;
class QFontComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;

namespace sb::studio {
class SceneCollection;
struct OverlayStyle;
struct SceneSource;
} // namespace sb::studio

namespace sb::app {

class PropertiesDock : public QDockWidget
{
    Q_OBJECT

public:
    // Asks for a colour (alpha included); an invalid colour when cancelled. Replaceable for tests.
    using ColorPrompt = std::function<QColor(const QColor& initial, const QString& title)>;
    // Asks for a media file; an empty string when cancelled. Replaceable for tests.
    using FilePrompt = std::function<QString(const QString& title, const QString& filter)>;

    // The dock does not own the collection, which must outlive it.
    explicit PropertiesDock(sb::studio::SceneCollection* collection, QWidget* parent = nullptr);
    ~PropertiesDock() override;

    void setColorPrompt(ColorPrompt prompt) { m_colorPrompt = std::move(prompt); }
    void setFilePrompt(FilePrompt prompt) { m_filePrompt = std::move(prompt); }

    // The source shown: its scene's index (-1 when none) and its id.
    int scene() const { return m_scene; }
    QString sourceId() const { return m_id; }

public slots:
    // Shows this source's properties; an empty id or an unknown source shows nothing.
    void showSource(int scene, const QString& id);
    void clear();

private:
    const sb::studio::SceneSource* source() const;
    bool isOverlay() const;
    // The settings as the source is drawn: an overlay's empty keys filled with its defaults.
    QJsonObject effectiveSettings(const sb::studio::SceneSource& source) const;
    void writeSetting(const QString& key, const QJsonValue& value);
    void followScene(int index);
    void followScenes();
    void refresh();
    void rebuildForm(const sb::studio::SceneSource& source);
    void buildOverlayForm(QFormLayout* form);
    void buildTextForm(QFormLayout* form);
    void buildColorForm(QFormLayout* form);
    void buildMediaForm(QFormLayout* form, bool image);

    // Field builders: each adds a row that writes `key` and follows the model.
    QSpinBox* addIntField(QFormLayout* form, const QString& label, const QString& key,
                          const QString& objectName, int minimum, int maximum, int fallback);
    QDoubleSpinBox* addNumberField(QFormLayout* form, const QString& label, const QString& key,
                                   const QString& objectName, double minimum, double maximum,
                                   double step, double fallback);
    QPushButton* addColorField(QFormLayout* form, const QString& label, const QString& key,
                               const QString& objectName, const QColor& fallback);
    QFontComboBox* addFontField(QFormLayout* form, const QString& label, const QString& key,
                                const QString& fallback);
    QLineEdit* addTextField(QFormLayout* form, const QString& label, const QString& key,
                            const QString& objectName);
    QCheckBox* addBoolField(QFormLayout* form, const QString& label, const QString& key,
                            const QString& objectName);
    void addPathField(QFormLayout* form, const QString& key, const QString& title,
                      const QString& filter);

    sb::studio::SceneCollection* m_collection;
    int m_scene = -1;
    QString m_sceneName; // finds the scene again when scenes are added or removed
    QString m_id;
    std::unique_ptr<sb::studio::OverlayStyle> m_overlayDefaults; // for an overlay, else null

    QLabel* m_placeholder = nullptr;
    QWidget* m_editor = nullptr;
    QLabel* m_lockedNote = nullptr;
    QLineEdit* m_nameEdit = nullptr;
    QSlider* m_opacitySlider = nullptr;
    QLabel* m_opacityLabel = nullptr;
    QWidget* m_form = nullptr; // the kind's fields, rebuilt per source
    // Each field's way of showing the current settings (effective ones for an overlay).
    std::vector<std::function<void(const QJsonObject&)>> m_refreshers;

    ColorPrompt m_colorPrompt;
    FilePrompt m_filePrompt;
};

} // namespace sb::app
