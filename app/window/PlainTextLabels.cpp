#include "PlainTextLabels.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>

namespace sb::app {

QString plainToolTip(const QString& text)
{
    if (text.isEmpty())
        return {};
    // Rich text on purpose, so that what it holds is escaped rather than interpreted.
    return QStringLiteral("<p style=\"white-space:pre-wrap\">") + text.toHtmlEscaped() +
           QStringLiteral("</p>");
}

void PlainTextLabels::install()
{
    if (!qApp || qApp->findChild<PlainTextLabels*>(QString(), Qt::FindDirectChildrenOnly))
        return;
    qApp->installEventFilter(new PlainTextLabels(qApp));
}

bool PlainTextLabels::eventFilter(QObject* watched, QEvent* event)
{
    // Polish comes once to every widget, before it is first shown: after its owner's constructor
    // set it up, before any text can be seen. Labels made later (new rows, dialogs) get it too;
    // a tooltip sets its own format each time it is shown (see plainToolTip()).
    if (event->type() == QEvent::Polish) {
        if (auto* label = qobject_cast<QLabel*>(watched);
            label && !label->property(kRichTextProperty).toBool())
            label->setTextFormat(Qt::PlainText);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace sb::app
