#include "MarathonWizard.h"

#include "Schedule.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimeEdit>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <optional>

namespace sb::app {

using sb::auction::Gwei;
using sb::auction::Lot;
using sb::auction::MarathonConfig;

namespace {

constexpr qint64 kMsPerSecond = 1000;
constexpr qint64 kMsPerMinute = 60 * kMsPerSecond;

enum LotColumn
{
    TitleColumn,
    ArtistColumn,
    TokenIdColumn,
    ImageColumn,
    LotColumnCount
};

// A page whose Next/Finish follows a list of problems, shown in a label at its foot.
class CheckedPage final : public QWizardPage
{
public:
    CheckedPage(const QString& objectName, std::function<QStringList()> problems)
        : m_problems(std::move(problems))
    {
        setObjectName(objectName);
        m_label = new QLabel;
        m_label->setObjectName(objectName + QStringLiteral("ProblemsLabel"));
        m_label->setWordWrap(true);
        m_label->setStyleSheet(QStringLiteral("color: #c62828;"));
    }

    QLabel* problemsLabel() const { return m_label; }
    std::function<void()> onInitialize;

    bool isComplete() const override { return m_problems().isEmpty(); }
    void initializePage() override
    {
        if (onInitialize)
            onInitialize();
        refresh();
    }
    void refresh()
    {
        const QStringList problems = m_problems();
        m_label->setText(problems.join(u'\n'));
        m_label->setVisible(!problems.isEmpty());
        emit completeChanged();
    }

private:
    std::function<QStringList()> m_problems;
    QLabel* m_label = nullptr;
};

QLabel* errorLabel(const QString& objectName)
{
    auto* label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    label->hide();
    return label;
}

// An amount of ETH typed by the operator; nullopt with *error when it is not one.
std::optional<Gwei> parseEthInput(const QString& text, bool allowZero, QString* error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        *error = MarathonWizard::tr("Enter an amount in ETH, such as 0.01.");
        return std::nullopt;
    }
    // Gwei::parseEth refuses zero because nobody bids nothing; a minimum raise may be zero.
    static const QRegularExpression zero(QStringLiteral("^(0+\\.?0*|\\.0+)$"));
    if (allowZero && zero.match(trimmed).hasMatch())
        return Gwei();
    const Gwei::ParseResult parsed = Gwei::parseEth(trimmed);
    if (parsed.ok())
        return parsed.amount;
    switch (parsed.error.value_or(Gwei::ParseError::BadNumber)) {
    case Gwei::ParseError::TooPrecise:
        *error = MarathonWizard::tr("ETH amounts have at most 9 decimals (1 gwei).");
        break;
    case Gwei::ParseError::Overflow:
        *error = MarathonWizard::tr("%1 ETH is too large.").arg(trimmed);
        break;
    case Gwei::ParseError::BadNumber:
        *error = allowZero ? MarathonWizard::tr("\"%1\" is not an amount of ETH; write it like "
                                                "0.001 or 0.")
                                 .arg(trimmed)
                           : MarathonWizard::tr("\"%1\" is not an amount of ETH above 0; write "
                                                "it like 0.01 or 1,000.5.")
                                 .arg(trimmed);
        break;
    }
    return std::nullopt;
}

QString windowText(const sb::auction::AuctionWindow& window, const QTimeZone& zone)
{
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
    const auto local = [&](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(format);
    };
    const auto utc = [&](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(format);
    };
    QString text = MarathonWizard::tr("%1 to %2 local, %3 to %4 UTC")
                       .arg(local(window.startUtcMs), local(window.endUtcMs),
                            utc(window.startUtcMs), utc(window.endUtcMs));
    if (window.startMovedByGap || window.endMovedByGap)
        text += MarathonWizard::tr(" (moved forward: the clock skips that local time)");
    return text;
}

// Helper for the page factories: a CheckedPage with a form, the problems label at its foot.
CheckedPage* checkedPage(MarathonWizard* wizard, int id, const QString& name, const QString& title,
                         const QString& subTitle)
{
    auto* page = new CheckedPage(name, [wizard, id] { return wizard->pageProblems(id); });
    page->setTitle(title);
    page->setSubTitle(subTitle);
    return page;
}

void finishPage(CheckedPage* page, QLayout* content)
{
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(content);
    layout->addStretch(1);
    layout->addWidget(page->problemsLabel());
}

} // namespace

MarathonWizard::MarathonWizard(QWidget* parent) : QWizard(parent)
{
    m_initial.firstDay = QDate::currentDate().addDays(1);
    buildPages();
    load(m_initial);
}

MarathonWizard::MarathonWizard(const MarathonConfig& initial, QWidget* parent)
    : QWizard(parent), m_initial(initial)
{
    if (!m_initial.firstDay.isValid())
        m_initial.firstDay = QDate::currentDate().addDays(1);
    buildPages();
    load(m_initial);
}

void MarathonWizard::buildPages()
{
    setObjectName(QStringLiteral("MarathonWizard"));
    setWindowTitle(tr("Marathon setup"));
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(BasicsPage, createBasicsPage());
    setPage(MoneyPage, createMoneyPage());
    setPage(TimingPage, createTimingPage());
    setPage(EligibilityPage, createEligibilityPage());
    setPage(LotsPage, createLotsPage());
    setStartId(BasicsPage);
}

QStringList MarathonWizard::pageProblems(int pageId) const
{
    QStringList problems;
    const MarathonConfig config = assemble(pageId, &problems);
    problems += config.validate();
    return problems;
}

QWizardPage* MarathonWizard::createBasicsPage()
{
    auto* page = checkedPage(this, BasicsPage, QStringLiteral("basics"), tr("Basics"),
                             tr("When the auctions run: one window a day, in the marathon's "
                                "time zone."));
    m_nameEdit = new QLineEdit;
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_firstDayEdit = new QDateEdit;
    m_firstDayEdit->setObjectName(QStringLiteral("firstDayEdit"));
    m_firstDayEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_firstDayEdit->setCalendarPopup(true);
    m_daysSpin = new QSpinBox;
    m_daysSpin->setObjectName(QStringLiteral("daysSpin"));
    m_daysSpin->setRange(1, 366);
    m_timeZoneCombo = new QComboBox;
    m_timeZoneCombo->setObjectName(QStringLiteral("timeZoneCombo"));
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds())
        m_timeZoneCombo->addItem(QString::fromUtf8(id));
    m_windowStartEdit = new QTimeEdit;
    m_windowStartEdit->setObjectName(QStringLiteral("windowStartEdit"));
    m_windowStartEdit->setDisplayFormat(QStringLiteral("HH:mm"));
    m_windowEndEdit = new QTimeEdit;
    m_windowEndEdit->setObjectName(QStringLiteral("windowEndEdit"));
    m_windowEndEdit->setDisplayFormat(QStringLiteral("HH:mm"));
    m_windowEndEdit->setToolTip(tr("At or before the start: the window ends the next day."));
    m_lotsPerDaySpin = new QSpinBox;
    m_lotsPerDaySpin->setObjectName(QStringLiteral("lotsPerDaySpin"));
    m_lotsPerDaySpin->setRange(1, 24);
    m_lotsPerDaySpin->setToolTip(tr("The window is split into this many consecutive auctions."));
    m_windowPreviewLabel = new QLabel;
    m_windowPreviewLabel->setObjectName(QStringLiteral("windowPreviewLabel"));
    m_windowPreviewLabel->setWordWrap(true);
    m_windowPreviewLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* window = new QHBoxLayout;
    window->addWidget(m_windowStartEdit);
    window->addWidget(new QLabel(tr("to")));
    window->addWidget(m_windowEndEdit);
    window->addStretch(1);
    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("&First day:"), m_firstDayEdit);
    form->addRow(tr("Number of &days:"), m_daysSpin);
    form->addRow(tr("&Time zone:"), m_timeZoneCombo);
    form->addRow(tr("Daily window:"), window);
    form->addRow(tr("&Lots per day:"), m_lotsPerDaySpin);
    form->addRow(m_windowPreviewLabel);
    finishPage(page, form);

    connect(m_nameEdit, &QLineEdit::textChanged, this, &MarathonWizard::refreshAll);
    connect(m_firstDayEdit, &QDateEdit::dateChanged, this, &MarathonWizard::refreshAll);
    connect(m_windowStartEdit, &QTimeEdit::timeChanged, this, &MarathonWizard::refreshAll);
    connect(m_windowEndEdit, &QTimeEdit::timeChanged, this, &MarathonWizard::refreshAll);
    connect(m_timeZoneCombo, &QComboBox::currentIndexChanged, this, &MarathonWizard::refreshAll);
    for (QSpinBox* spin : {m_daysSpin, m_lotsPerDaySpin})
        connect(spin, &QSpinBox::valueChanged, this, &MarathonWizard::refreshAll);
    return page;
}

QWizardPage* MarathonWizard::createMoneyPage()
{
    auto* page = checkedPage(this, MoneyPage, QStringLiteral("money"), tr("Money rules"),
                             tr("Amounts in ETH, exact to the gwei. A bid must beat the leader "
                                "by the larger of the two minimum raises."));
    m_reserveEdit = new QLineEdit;
    m_reserveEdit->setObjectName(QStringLiteral("reserveEdit"));
    m_reserveError = errorLabel(QStringLiteral("reserveErrorLabel"));
    m_minRaisePercentSpin = new QSpinBox;
    m_minRaisePercentSpin->setObjectName(QStringLiteral("minRaisePercentSpin"));
    m_minRaisePercentSpin->setRange(0, 1000);
    m_minRaisePercentSpin->setSuffix(QStringLiteral(" %"));
    m_minRaiseAbsoluteEdit = new QLineEdit;
    m_minRaiseAbsoluteEdit->setObjectName(QStringLiteral("minRaiseAbsoluteEdit"));
    m_minRaiseAbsoluteError = errorLabel(QStringLiteral("minRaiseAbsoluteErrorLabel"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Reserve price (ETH):"), m_reserveEdit);
    form->addRow(QString(), m_reserveError);
    form->addRow(tr("Minimum raise (&percent):"), m_minRaisePercentSpin);
    form->addRow(tr("Minimum raise (&ETH):"), m_minRaiseAbsoluteEdit);
    form->addRow(QString(), m_minRaiseAbsoluteError);
    finishPage(page, form);

    for (QLineEdit* edit : {m_reserveEdit, m_minRaiseAbsoluteEdit})
        connect(edit, &QLineEdit::textChanged, this, &MarathonWizard::refreshAll);
    connect(m_minRaisePercentSpin, &QSpinBox::valueChanged, this, &MarathonWizard::refreshAll);
    return page;
}

QWizardPage* MarathonWizard::createTimingPage()
{
    auto* page = checkedPage(this, TimingPage, QStringLiteral("timing"), tr("Timing"),
                             tr("Anti-sniping: a bid accepted in the last minutes pushes the end "
                                "back. Late posts are still judged during the grace period."));
    m_timeBufferSpin = new QSpinBox;
    m_timeBufferSpin->setObjectName(QStringLiteral("timeBufferSpin"));
    m_timeBufferSpin->setRange(0, 24 * 60);
    m_timeBufferSpin->setSuffix(tr(" min"));
    m_maxExtensionCheck = new QCheckBox(tr("Cap the total extension at"));
    m_maxExtensionCheck->setObjectName(QStringLiteral("maxExtensionCheck"));
    m_maxExtensionSpin = new QSpinBox;
    m_maxExtensionSpin->setObjectName(QStringLiteral("maxExtensionSpin"));
    m_maxExtensionSpin->setRange(1, 24 * 60);
    m_maxExtensionSpin->setSuffix(tr(" min"));
    m_graceSpin = new QSpinBox;
    m_graceSpin->setObjectName(QStringLiteral("graceSpin"));
    m_graceSpin->setRange(0, 600);
    m_graceSpin->setSuffix(tr(" s"));

    auto* cap = new QHBoxLayout;
    cap->addWidget(m_maxExtensionCheck);
    cap->addWidget(m_maxExtensionSpin);
    cap->addStretch(1);
    auto* form = new QFormLayout;
    form->addRow(tr("Time &buffer:"), m_timeBufferSpin);
    form->addRow(tr("Extension:"), cap);
    form->addRow(tr("&Grace for late posts:"), m_graceSpin);
    finishPage(page, form);

    for (QSpinBox* spin : {m_timeBufferSpin, m_maxExtensionSpin, m_graceSpin})
        connect(spin, &QSpinBox::valueChanged, this, &MarathonWizard::refreshAll);
    connect(m_maxExtensionCheck, &QCheckBox::toggled, m_maxExtensionSpin, &QWidget::setEnabled);
    connect(m_maxExtensionCheck, &QCheckBox::toggled, this, &MarathonWizard::refreshAll);
    return page;
}

QWizardPage* MarathonWizard::createEligibilityPage()
{
    auto* page = checkedPage(this, EligibilityPage, QStringLiteral("eligibility"),
                             tr("Eligibility and review"),
                             tr("Who may bid, and which bids wait for you before they count."));
    m_minAccountAgeSpin = new QSpinBox;
    m_minAccountAgeSpin->setObjectName(QStringLiteral("minAccountAgeSpin"));
    m_minAccountAgeSpin->setRange(0, 3650);
    m_minAccountAgeSpin->setSuffix(tr(" days"));
    m_minAccountAgeSpin->setSpecialValueText(tr("No minimum"));
    m_requireWalletCheck = new QCheckBox(tr("Require a linked wallet"));
    m_requireWalletCheck->setObjectName(QStringLiteral("requireWalletCheck"));
    m_reviewCeilingCheck = new QCheckBox(tr("Review bids above (ETH):"));
    m_reviewCeilingCheck->setObjectName(QStringLiteral("reviewCeilingCheck"));
    m_reviewCeilingEdit = new QLineEdit;
    m_reviewCeilingEdit->setObjectName(QStringLiteral("reviewCeilingEdit"));
    m_reviewCeilingError = errorLabel(QStringLiteral("reviewCeilingErrorLabel"));
    m_reviewMultipleSpin = new QSpinBox;
    m_reviewMultipleSpin->setObjectName(QStringLiteral("reviewMultipleSpin"));
    m_reviewMultipleSpin->setRange(0, 1000);
    m_reviewMultipleSpin->setSuffix(tr(" × the leader"));
    m_reviewMultipleSpin->setSpecialValueText(tr("Off"));
    m_hashtagEdit = new QLineEdit;
    m_hashtagEdit->setObjectName(QStringLiteral("hashtagEdit"));
    m_hashtagEdit->setPlaceholderText(tr("#SothebAIs (empty: not required)"));
    m_blocklistEdit = new QPlainTextEdit;
    m_blocklistEdit->setObjectName(QStringLiteral("blocklistEdit"));
    m_blocklistEdit->setPlaceholderText(tr("One handle or account id per line"));
    m_blocklistEdit->setTabChangesFocus(true);

    auto* ceiling = new QHBoxLayout;
    ceiling->addWidget(m_reviewCeilingCheck);
    ceiling->addWidget(m_reviewCeilingEdit, 1);
    auto* form = new QFormLayout;
    form->addRow(tr("Minimum account &age:"), m_minAccountAgeSpin);
    form->addRow(QString(), m_requireWalletCheck);
    form->addRow(tr("Review:"), ceiling);
    form->addRow(QString(), m_reviewCeilingError);
    form->addRow(tr("Review bids above:"), m_reviewMultipleSpin);
    form->addRow(tr("Required &hashtag:"), m_hashtagEdit);
    form->addRow(tr("&Blocklist:"), m_blocklistEdit);
    finishPage(page, form);

    for (QLineEdit* edit : {m_reviewCeilingEdit, m_hashtagEdit})
        connect(edit, &QLineEdit::textChanged, this, &MarathonWizard::refreshAll);
    for (QSpinBox* spin : {m_minAccountAgeSpin, m_reviewMultipleSpin})
        connect(spin, &QSpinBox::valueChanged, this, &MarathonWizard::refreshAll);
    connect(m_requireWalletCheck, &QCheckBox::toggled, this, &MarathonWizard::refreshAll);
    connect(m_reviewCeilingCheck, &QCheckBox::toggled, m_reviewCeilingEdit, &QWidget::setEnabled);
    connect(m_reviewCeilingCheck, &QCheckBox::toggled, this, &MarathonWizard::refreshAll);
    connect(m_blocklistEdit, &QPlainTextEdit::textChanged, this, &MarathonWizard::refreshAll);
    return page;
}

QWizardPage* MarathonWizard::createLotsPage()
{
    auto* page = checkedPage(this, LotsPage, QStringLiteral("lots"), tr("Lots"),
                             tr("One artwork per auction, in order: day 1 first. You may leave "
                                "them all empty while drafting and add them later."));
    m_lotsTable = new QTableWidget(0, LotColumnCount);
    m_lotsTable->setObjectName(QStringLiteral("lotsTable"));
    m_lotsTable->setHorizontalHeaderLabels(
        {tr("Title"), tr("Artist"), tr("Token id"), tr("Image")});
    m_lotsTable->horizontalHeader()->setStretchLastSection(true);
    m_lotsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto* browse = new QPushButton(tr("Choose &image…"));
    browse->setObjectName(QStringLiteral("browseImageButton"));
    m_lotsWarning = new QLabel;
    m_lotsWarning->setObjectName(QStringLiteral("lotsWarningLabel"));
    m_lotsWarning->setWordWrap(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(browse);
    buttons->addStretch(1);
    auto* content = new QVBoxLayout;
    content->addWidget(m_lotsTable, 1);
    content->addLayout(buttons);
    content->addWidget(m_lotsWarning);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(content, 1);
    layout->addWidget(page->problemsLabel());

    page->onInitialize = [this] { syncLotRows(); };
    connect(m_lotsTable, &QTableWidget::cellChanged, this, &MarathonWizard::refreshAll);
    connect(browse, &QPushButton::clicked, this, &MarathonWizard::browseImage);
    return page;
}

void MarathonWizard::load(const MarathonConfig& c)
{
    m_loading = true;
    m_nameEdit->setText(c.name);
    m_firstDayEdit->setDate(c.firstDay);
    m_daysSpin->setValue(c.days);
    if (m_timeZoneCombo->findText(c.timeZone) < 0)
        m_timeZoneCombo->addItem(c.timeZone); // shown, and refused by validate() if unknown
    m_timeZoneCombo->setCurrentIndex(m_timeZoneCombo->findText(c.timeZone));
    m_windowStartEdit->setTime(c.windowStart);
    m_windowEndEdit->setTime(c.windowEnd);
    m_lotsPerDaySpin->setValue(c.lotsPerDay);

    m_reserveEdit->setText(c.reserve.toDecimalString());
    m_minRaisePercentSpin->setValue(c.minRaisePercent);
    m_minRaiseAbsoluteEdit->setText(c.minRaiseAbsolute.toDecimalString());

    m_timeBufferSpin->setValue(int(c.timeBufferMs / kMsPerMinute));
    m_maxExtensionCheck->setChecked(c.maxExtensionMs.has_value());
    m_maxExtensionSpin->setEnabled(c.maxExtensionMs.has_value());
    m_maxExtensionSpin->setValue(int(c.maxExtensionMs.value_or(60 * kMsPerMinute) / kMsPerMinute));
    m_graceSpin->setValue(int(c.graceMs / kMsPerSecond));

    m_minAccountAgeSpin->setValue(c.minAccountAgeDays);
    m_requireWalletCheck->setChecked(c.requireLinkedWallet);
    m_reviewCeilingCheck->setChecked(c.reviewCeiling.has_value());
    m_reviewCeilingEdit->setEnabled(c.reviewCeiling.has_value());
    m_reviewCeilingEdit->setText(c.reviewCeiling ? c.reviewCeiling->toDecimalString() : QString());
    m_reviewMultipleSpin->setValue(c.reviewMultiple);
    m_hashtagEdit->setText(c.hashtag);
    m_blocklistEdit->setPlainText(c.blocklist.join(u'\n'));

    m_lotsTable->setRowCount(int(c.lots.size()));
    for (int row = 0; row < c.lots.size(); ++row) {
        const Lot& lot = c.lots.at(row);
        const QStringList cells{lot.title, lot.artist, lot.tokenId, lot.imagePath};
        for (int column = 0; column < LotColumnCount; ++column)
            m_lotsTable->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_loading = false;
    refreshAll();
}

MarathonConfig MarathonWizard::assemble(int lastPage, QStringList* inputErrors) const
{
    MarathonConfig c;
    c.name = m_nameEdit->text().trimmed();
    c.firstDay = m_firstDayEdit->date();
    c.days = m_daysSpin->value();
    c.timeZone = m_timeZoneCombo->currentText();
    c.windowStart = m_windowStartEdit->time();
    c.windowEnd = m_windowEndEdit->time();
    c.lotsPerDay = m_lotsPerDaySpin->value();
    if (lastPage < MoneyPage)
        return c;

    QString error;
    if (const auto reserve = parseEthInput(m_reserveEdit->text(), false, &error))
        c.reserve = *reserve;
    else if (inputErrors)
        *inputErrors << tr("Reserve price: %1").arg(error);
    c.minRaisePercent = m_minRaisePercentSpin->value();
    if (const auto raise = parseEthInput(m_minRaiseAbsoluteEdit->text(), true, &error))
        c.minRaiseAbsolute = *raise;
    else if (inputErrors)
        *inputErrors << tr("Minimum raise: %1").arg(error);
    if (lastPage < TimingPage)
        return c;

    c.timeBufferMs = m_timeBufferSpin->value() * kMsPerMinute;
    if (m_maxExtensionCheck->isChecked())
        c.maxExtensionMs = m_maxExtensionSpin->value() * kMsPerMinute;
    c.graceMs = m_graceSpin->value() * kMsPerSecond;
    if (lastPage < EligibilityPage)
        return c;

    c.minAccountAgeDays = m_minAccountAgeSpin->value();
    c.requireLinkedWallet = m_requireWalletCheck->isChecked();
    if (m_reviewCeilingCheck->isChecked()) {
        if (const auto ceiling = parseEthInput(m_reviewCeilingEdit->text(), false, &error))
            c.reviewCeiling = *ceiling;
        else if (inputErrors)
            *inputErrors << tr("Review ceiling: %1").arg(error);
    }
    c.reviewMultiple = m_reviewMultipleSpin->value();
    c.hashtag = m_hashtagEdit->text().trimmed();
    static const QRegularExpression separators(QStringLiteral("[\\n,]"));
    for (const QString& entry : m_blocklistEdit->toPlainText().split(separators)) {
        if (!entry.trimmed().isEmpty())
            c.blocklist << entry.trimmed();
    }
    if (lastPage < LotsPage)
        return c;

    c.lots = lotsFromTable();
    return c;
}

QList<Lot> MarathonWizard::lotsFromTable() const
{
    const auto text = [this](int row, int column) {
        const QTableWidgetItem* item = m_lotsTable->item(row, column);
        return item ? item->text().trimmed() : QString();
    };
    // Rows left empty at the end are room to fill, not lots.
    int used = m_lotsTable->rowCount();
    while (used > 0) {
        bool empty = true;
        for (int column = 0; column < LotColumnCount && empty; ++column)
            empty = text(used - 1, column).isEmpty();
        if (!empty)
            break;
        --used;
    }
    QList<Lot> lots;
    for (int row = 0; row < used; ++row) {
        // What the wizard does not edit (the description) comes from the config it started with.
        Lot lot = row < m_initial.lots.size() ? m_initial.lots.at(row) : Lot();
        lot.title = text(row, TitleColumn);
        lot.artist = text(row, ArtistColumn);
        lot.tokenId = text(row, TokenIdColumn);
        lot.imagePath = text(row, ImageColumn);
        lots << lot;
    }
    return lots;
}

MarathonConfig MarathonWizard::config() const
{
    return assemble(LotsPage, nullptr);
}

void MarathonWizard::refreshAll()
{
    if (m_loading)
        return;
    updateWindowPreview();
    updateAmountErrors();
    for (const int id : pageIds()) {
        if (auto* page = dynamic_cast<CheckedPage*>(this->page(id)))
            page->refresh();
    }
    const int required = m_daysSpin->value() * m_lotsPerDaySpin->value();
    const qsizetype filled = lotsFromTable().size();
    if (filled == 0)
        m_lotsWarning->setText(tr("No lots yet: you can finish and add the %1 artworks later; "
                                  "until then the overlays show no titles.")
                                   .arg(required));
    else if (filled < required)
        m_lotsWarning->setText(tr("%1 of %2 lots filled in: fill in the rest, or clear them all "
                                  "to keep drafting.")
                                   .arg(filled)
                                   .arg(required));
    else
        m_lotsWarning->clear();
    m_lotsWarning->setVisible(!m_lotsWarning->text().isEmpty());
}

void MarathonWizard::updateWindowPreview()
{
    const MarathonConfig c = assemble(BasicsPage, nullptr);
    QString error;
    const auto windows =
        c.validate().isEmpty() ? sb::auction::Schedule::compute(c, &error) : std::nullopt;
    if (!windows || windows->isEmpty()) {
        m_windowPreviewLabel->setText(error.isEmpty() ? tr("Fix the problems below to see the "
                                                           "schedule.")
                                                      : error);
        return;
    }
    const QTimeZone zone(c.timeZone.toUtf8());
    m_windowPreviewLabel->setText(
        tr("First auction: %1\nLast auction: %2\n(%3 auctions)")
            .arg(windowText(windows->constFirst(), zone), windowText(windows->constLast(), zone))
            .arg(windows->size()));
}

void MarathonWizard::updateAmountErrors()
{
    const auto show = [](QLabel* label, const QLineEdit* edit, bool allowZero, bool enabled) {
        QString error;
        const bool bad = enabled && !parseEthInput(edit->text(), allowZero, &error);
        label->setText(bad ? error : QString());
        label->setVisible(bad);
    };
    show(m_reserveError, m_reserveEdit, false, true);
    show(m_minRaiseAbsoluteError, m_minRaiseAbsoluteEdit, true, true);
    show(m_reviewCeilingError, m_reviewCeilingEdit, false, m_reviewCeilingCheck->isChecked());
}

void MarathonWizard::syncLotRows()
{
    // Enough rows for every auction; rows already filled in beyond that stay, for validate().
    const int lastFilled = int(lotsFromTable().size());
    const int required = m_daysSpin->value() * m_lotsPerDaySpin->value();
    m_lotsTable->setRowCount(std::max(required, lastFilled));
    m_lotsTable->setVerticalHeaderLabels([&] {
        QStringList labels;
        const int perDay = m_lotsPerDaySpin->value();
        for (int row = 0; row < m_lotsTable->rowCount(); ++row)
            labels << (perDay == 1
                           ? tr("Day %1").arg(row / perDay + 1)
                           : tr("Day %1, lot %2").arg(row / perDay + 1).arg(row % perDay + 1));
        return labels;
    }());
    refreshAll();
}

void MarathonWizard::browseImage()
{
    int row = m_lotsTable->currentRow();
    if (row < 0)
        row = 0;
    if (row >= m_lotsTable->rowCount())
        return;
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Artwork for lot %1").arg(row + 1), QString(),
                                     tr("Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)"));
    if (!file.isEmpty())
        m_lotsTable->setItem(row, ImageColumn, new QTableWidgetItem(file));
}

} // namespace sb::app
