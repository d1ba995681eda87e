#pragma once
// Adds or edits one streaming destination: its name, server URL and stream key. The key field is
// a password field with a Show toggle that starts empty: a stored key is never loaded into it, so
// it cannot be revealed by accident, and typing one replaces the stored key. The dialog only
// collects; the settings dialog stores the key through StudioSettings::startSettingStreamKey() on
// Apply.

#include "StudioSettings.h"

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace sb::app {

class DestinationDialog : public QDialog
{
    Q_OBJECT

public:
    // hasStoredKey: whether a key is already kept for it, so the dialog can offer to forget it.
    explicit DestinationDialog(const sb::studio::Destination& destination, bool hasStoredKey,
                               QWidget* parent = nullptr);

    // The destination as entered; its id and enabled state are the ones it was opened with.
    sb::studio::Destination destination() const;
    // The key typed, trimmed; empty means "keep the stored one" (or none).
    QString streamKey() const;
    bool forgetStoredKey() const;
    // What keeps OK disabled, as shown at the foot of the dialog.
    QStringList problems() const;

private:
    void refresh();

    sb::studio::Destination m_destination;
    bool m_hasStoredKey = false;
    QLineEdit* m_nameEdit = nullptr;
    QLineEdit* m_urlEdit = nullptr;
    QLineEdit* m_keyEdit = nullptr;
    QCheckBox* m_showKeyCheck = nullptr;
    QCheckBox* m_forgetKeyCheck = nullptr;
    QLabel* m_errorLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace sb::app
