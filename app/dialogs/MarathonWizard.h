#pragma once
// Sets up a marathon (or edits one, such as the demo's, into a real one): the schedule, the money
// rules, timing, eligibility and the lots. Each page checks what it asks for with
// MarathonConfig::validate() and shows the problems in sentences; Next and Finish stay disabled
// until they are fixed. Every input has an objectName so tests can fill the wizard by name.

#include "MarathonConfig.h"

#include <QList>
#include <QStringList>
#include <QWizard>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;
class QTimeEdit;

namespace sb::app {

class MarathonWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        BasicsPage,
        MoneyPage,
        TimingPage,
        EligibilityPage,
        LotsPage
    };

    // Starts from the defaults, with the first day tomorrow.
    explicit MarathonWizard(QWidget* parent = nullptr);
    // Starts from this config; what the wizard has no input for (lot descriptions) is kept.
    explicit MarathonWizard(const sb::auction::MarathonConfig& initial, QWidget* parent = nullptr);

    // The marathon as entered; valid once the wizard finished (accepted).
    sb::auction::MarathonConfig config() const;
    // What keeps this page's Next (or Finish) disabled, as shown on the page; empty when none.
    QStringList pageProblems(int pageId) const;

private:
    void buildPages();
    QWizardPage* createBasicsPage();
    QWizardPage* createMoneyPage();
    QWizardPage* createTimingPage();
    QWizardPage* createEligibilityPage();
    QWizardPage* createLotsPage();
    void load(const sb::auction::MarathonConfig& config);

    // The config from the defaults and the pages up to lastPage; input that does not parse is
    // reported in *inputErrors and leaves the default.
    sb::auction::MarathonConfig assemble(int lastPage, QStringList* inputErrors) const;
    QList<sb::auction::Lot> lotsFromTable() const;
    void refreshAll();
    void updateWindowPreview();
    void updateAmountErrors();
    void syncLotRows();
    void browseImage();

    sb::auction::MarathonConfig m_initial;
    bool m_loading = false;

    // Basics
    QLineEdit* m_nameEdit = nullptr;
    QDateEdit* m_firstDayEdit = nullptr;
    QSpinBox* m_daysSpin = nullptr;
    QComboBox* m_timeZoneCombo = nullptr;
    QTimeEdit* m_windowStartEdit = nullptr;
    QTimeEdit* m_windowEndEdit = nullptr;
    QSpinBox* m_lotsPerDaySpin = nullptr;
    QLabel* m_windowPreviewLabel = nullptr;
    // Money rules
    QLineEdit* m_reserveEdit = nullptr;
    QLabel* m_reserveError = nullptr;
    QSpinBox* m_minRaisePercentSpin = nullptr;
    QLineEdit* m_minRaiseAbsoluteEdit = nullptr;
    QLabel* m_minRaiseAbsoluteError = nullptr;
    // Timing
    QSpinBox* m_timeBufferSpin = nullptr; // minutes
    QCheckBox* m_maxExtensionCheck = nullptr;
    QSpinBox* m_maxExtensionSpin = nullptr; // minutes
    QSpinBox* m_graceSpin = nullptr;        // seconds
    // Eligibility
    QSpinBox* m_minAccountAgeSpin = nullptr;
    QCheckBox* m_requireWalletCheck = nullptr;
    QCheckBox* m_reviewCeilingCheck = nullptr;
    QLineEdit* m_reviewCeilingEdit = nullptr;
    QLabel* m_reviewCeilingError = nullptr;
    QSpinBox* m_reviewMultipleSpin = nullptr;
    QLineEdit* m_hashtagEdit = nullptr;
    QPlainTextEdit* m_blocklistEdit = nullptr;
    // Lots
    QTableWidget* m_lotsTable = nullptr;
    QLabel* m_lotsWarning = nullptr;
};

} // namespace sb::app
