#include "DestinationDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb::app {

using sb::studio::Destination;
using sb::studio::StudioSettings;

DestinationDialog::DestinationDialog(const Destination& destination, bool hasStoredKey,
                                     QWidget* parent)
    : QDialog(parent), m_destination(destination), m_hasStoredKey(hasStoredKey)
{
    setObjectName(QStringLiteral("DestinationDialog"));
    setWindowTitle(destination.id.isEmpty() ? tr("Add Destination") : tr("Edit Destination"));

    m_nameEdit = new QLineEdit(destination.name);
    m_nameEdit->setObjectName(QStringLiteral("destinationNameEdit"));
    m_nameEdit->setPlaceholderText(tr("X Media Studio"));

    m_urlEdit = new QLineEdit(destination.url);
    m_urlEdit->setObjectName(QStringLiteral("destinationUrlEdit"));
    m_urlEdit->setPlaceholderText(tr("rtmps://va.pscp.tv:443/x"));
    m_urlEdit->setToolTip(tr("The server URL, without the stream key: rtmp://… or rtmps://…. "
                             "X Media Studio shows it as “RTMPS URL”."));

    m_keyEdit = new QLineEdit;
    m_keyEdit->setObjectName(QStringLiteral("streamKeyEdit"));
    m_keyEdit->setEchoMode(QLineEdit::Password);
    m_keyEdit->setPlaceholderText(hasStoredKey ? tr("A key is stored; type a new one to replace it")
                                               : tr("Paste the stream key"));
    m_showKeyCheck = new QCheckBox(tr("Show"));
    m_showKeyCheck->setObjectName(QStringLiteral("showStreamKeyCheck"));
    connect(m_showKeyCheck, &QCheckBox::toggled, this, [this](bool show) {
        m_keyEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });
    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyEdit, 1);
    keyRow->addWidget(m_showKeyCheck);

    m_forgetKeyCheck = new QCheckBox(tr("Forget the stored stream key"));
    m_forgetKeyCheck->setObjectName(QStringLiteral("forgetStreamKeyCheck"));
    m_forgetKeyCheck->setVisible(hasStoredKey);
    // Typing a new key and forgetting the old one at once would be contradictory.
    connect(m_forgetKeyCheck, &QCheckBox::toggled, m_keyEdit, &QLineEdit::setDisabled);

    auto* keyNote = new QLabel(tr("The stream key is kept in the system keychain, never in a "
                                  "settings file."));
    keyNote->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("Server &URL:"), m_urlEdit);
    form->addRow(tr("Stream &key:"), keyRow);
    form->addRow(QString(), m_forgetKeyCheck);
    form->addRow(QString(), keyNote);
    if (auto* keyLabel = qobject_cast<QLabel*>(form->labelForField(keyRow)))
        keyLabel->setBuddy(m_keyEdit);

    m_errorLabel = new QLabel;
    m_errorLabel->setObjectName(QStringLiteral("destinationErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c62828;"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->setObjectName(QStringLiteral("destinationButtonBox"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_buttons);

    connect(m_nameEdit, &QLineEdit::textChanged, this, &DestinationDialog::refresh);
    connect(m_urlEdit, &QLineEdit::textChanged, this, &DestinationDialog::refresh);
    resize(520, sizeHint().height());
    refresh();
}

Destination DestinationDialog::destination() const
{
    Destination destination = m_destination;
    destination.name = m_nameEdit->text().trimmed();
    destination.url = m_urlEdit->text().trimmed();
    return destination;
}

QString DestinationDialog::streamKey() const
{
    return m_forgetKeyCheck->isChecked() ? QString() : m_keyEdit->text().trimmed();
}

bool DestinationDialog::forgetStoredKey() const
{
    return m_hasStoredKey && m_forgetKeyCheck->isChecked();
}

QStringList DestinationDialog::problems() const
{
    return StudioSettings::validationErrors(destination());
}

void DestinationDialog::refresh()
{
    const QStringList problems = this->problems();
    m_errorLabel->setText(problems.join(u'\n'));
    m_errorLabel->setVisible(!problems.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problems.isEmpty());
}

} // namespace sb::app
