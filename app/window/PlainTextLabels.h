#pragma once
// Every label of the studio's windows shows its text as typed. QLabel's default (Qt::AutoText)
// draws a text that looks like HTML as rich text, and many labels show text from outside: an
// error X, the LLM, VTube Studio or the chain node wrote, a bidder's handle. Without this, a
// reply beginning with a tag would be drawn as markup in the operator's docks. A label meant for
// markup says so with the property kRichTextProperty set to true. Tooltips choose their format
// each time they are shown: one that carries outside text goes through plainToolTip().

#include <QObject>

namespace sb::app {

inline constexpr char kRichTextProperty[] = "sbRichText";

// A tooltip that shows `text` as typed (line breaks kept); empty stays empty (no tooltip).
QString plainToolTip(const QString& text);

class PlainTextLabels : public QObject
{
    Q_OBJECT

public:
    // Installs one filter on the application, once; later calls do nothing.
    static void install();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    using QObject::QObject;
};

} // namespace sb::app
