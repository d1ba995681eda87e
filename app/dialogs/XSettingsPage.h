#pragma once
// The "X account" page of the settings dialog: what x.ini holds (XSettings): the app's client id,
// callback port and API base URL; which sources read the replies and how often in each phase;
// the pay-per-use prices and the month's read budget (typed in dollars, kept as whole millionths
// of a dollar, never through floating point); posting on or off, URLs allowed; and the text of
// each kind of post, with its variables, its weighted length and what is wrong with it. Signing
// in stays in the X dock (tokens are the keychain's, never this page's). Nothing is written until
// apply().

#include "XSettings.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace sb::app {

class XSettingsPage : public QWidget
{
    Q_OBJECT

public:
    // Edits x.ini in `folder` (empty: the app's config folder, as XSettings).
    explicit XSettingsPage(const QString& folder, QWidget* parent = nullptr);

    // The sign-in state in words ("Signed in as @handle (account 123)"), as the X dock says it.
    void setAccount(const QString& state);
    // Shows x.ini as it is now, dropping edits not yet applied.
    void reload();
    // What keeps the page from being saved, one sentence each; empty when all is valid.
    QStringList validationErrors() const;
    // The settings as the page shows them (a field that does not parse keeps what was loaded).
    sb::integrations::x::XSettings settings() const;
    // Writes x.ini; false with the reason in *error.
    [[nodiscard]] bool apply(QString* error = nullptr);

    // "0.005" → 5000; "$50" → 50'000'000; a point is the only decimal separator, at most six
    // decimals; empty for anything else. Exact: digits are read as integers.
    static std::optional<std::int64_t> parseDollars(const QString& text);
    // 5000 → "0.005", 50'000'000 → "50.00": cents always, more decimals only where they matter.
    static QString formatDollars(std::int64_t microUsd);

signals:
    // The user changed something that apply() would write.
    void changed();

private:
    QWidget* createAccountTab();
    QWidget* createReadingTab();
    QWidget* createCostsTab();
    QWidget* createPostsTab();
    void edited();
    void showKind();
    void templateEdited();
    void restoreDefault();
    void insertVariable();
    void refreshKindList();
    void refreshTemplateState();
    QString currentKind() const;

    QString m_folder;
    sb::integrations::x::XSettings m_loaded;
    QMap<QString, QString> m_templates; // the overrides as edited
    bool m_loading = false;

    // Account
    QLabel* m_accountLabel = nullptr;
    QLineEdit* m_clientIdEdit = nullptr;
    QSpinBox* m_callbackPortSpin = nullptr;
    QLineEdit* m_apiBaseUrlEdit = nullptr;
    // Reading
    QCheckBox* m_mentionsCheck = nullptr;
    QCheckBox* m_searchCheck = nullptr;
    QCheckBox* m_streamCheck = nullptr;
    QSpinBox* m_idleSpin = nullptr;
    QSpinBox* m_openSpin = nullptr;
    QSpinBox* m_closingSpin = nullptr;
    QSpinBox* m_graceSpin = nullptr;
    // Costs
    QLineEdit* m_readPriceEdit = nullptr;
    QLineEdit* m_ownReadPriceEdit = nullptr;
    QLineEdit* m_postPriceEdit = nullptr;
    QLineEdit* m_budgetEdit = nullptr;
    // Posts
    QCheckBox* m_postingCheck = nullptr;
    QCheckBox* m_allowUrlsCheck = nullptr;
    QListWidget* m_kindList = nullptr;
    QPlainTextEdit* m_templateEdit = nullptr;
    QListWidget* m_variableList = nullptr;
    QLabel* m_lengthLabel = nullptr;
    QLabel* m_templateProblemLabel = nullptr;
    QPushButton* m_restoreButton = nullptr;
};

} // namespace sb::app
