#include "XSettingsPage.h"

#include "XTemplates.h"
#include "XText.h"

#include <QCheckBox>
#include <QFont>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace sb::app {

using sb::integrations::x::kMaxWeightedLength;
using sb::integrations::x::XSettings;
using sb::integrations::x::XTemplates;
using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxCadenceSeconds = 3600;
constexpr int kMicroPerDollar = 1'000'000;
constexpr int kMaxDecimals = 6;
// Whole dollars beyond this are a typing mistake (and would not fit in micro-dollars long).
constexpr std::int64_t kMaxDollars = 1'000'000'000;

int cadenceSeconds(std::int64_t ms)
{
    return int(std::clamp<std::int64_t>((ms + 500) / 1000, 1, kMaxCadenceSeconds));
}

// A spin box that still shows what was loaded keeps the exact milliseconds x.ini had.
std::int64_t cadenceMs(const QSpinBox* spin, std::int64_t loadedMs)
{
    return spin->value() == cadenceSeconds(loadedMs) ? loadedMs
                                                     : std::int64_t(spin->value()) * 1000;
}

QSpinBox* secondsSpin(const QString& objectName)
{
    auto* spin = new QSpinBox;
    spin->setObjectName(objectName);
    spin->setRange(1, kMaxCadenceSeconds);
    spin->setSuffix(XSettingsPage::tr(" s"));
    return spin;
}

QLineEdit* dollarsEdit(const QString& objectName)
{
    auto* edit = new QLineEdit;
    edit->setObjectName(objectName);
    edit->setPlaceholderText(XSettingsPage::tr("e.g. 0.005"));
    return edit;
}

QLabel* noteLabel(const QString& objectName, const QString& text)
{
    auto* label = new QLabel(text);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    return label;
}

QWidget* tab(const QString& objectName, QLayout* content)
{
    auto* page = new QWidget;
    page->setObjectName(objectName);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(content);
    layout->addStretch(1);
    return page;
}

bool isHttpUrl(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == u"https" || url.scheme() == u"http") &&
           !url.host().isEmpty();
}

} // namespace

std::optional<std::int64_t> XSettingsPage::parseDollars(const QString& text)
{
    QString t = text.trimmed();
    if (t.startsWith(u'$'))
        t = t.mid(1).trimmed();
    // Whole dollars, with or without thousands separators (never after a lone 0: "0,005" is a
    // decimal comma, refused rather than read as five dollars), then up to six decimals.
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(
        QStringLiteral(R"(([1-9]\d{0,2}(?:,\d{3})+|\d*)(?:\.(\d*))?)")));
    const QRegularExpressionMatch match = pattern.match(t);
    if (!match.hasMatch())
        return std::nullopt;
    const QString whole = match.captured(1).remove(u',');
    const QString fraction = match.captured(2);
    if ((whole.isEmpty() && fraction.isEmpty()) || fraction.size() > kMaxDecimals ||
        whole.size() > 10)
        return std::nullopt;
    const std::int64_t dollars = whole.isEmpty() ? 0 : whole.toLongLong();
    if (dollars > kMaxDollars)
        return std::nullopt;
    const std::int64_t micro =
        fraction.isEmpty() ? 0 : fraction.leftJustified(kMaxDecimals, u'0').toLongLong();
    return dollars * kMicroPerDollar + micro;
}

QString XSettingsPage::formatDollars(std::int64_t microUsd)
{
    const bool negative = microUsd < 0;
    const std::uint64_t magnitude =
        negative ? 0 - std::uint64_t(microUsd) : std::uint64_t(microUsd);
    QString fraction =
        QString::number(magnitude % kMicroPerDollar).rightJustified(kMaxDecimals, u'0');
    while (fraction.size() > 2 && fraction.endsWith(u'0'))
        fraction.chop(1);
    return (negative ? u"-"_s : QString()) + QString::number(magnitude / kMicroPerDollar) + u'.' +
           fraction;
}

XSettingsPage::XSettingsPage(const QString& folder, QWidget* parent)
    : QWidget(parent), m_folder(folder)
{
    setObjectName(u"xAccountPage"_s);
    auto* tabs = new QTabWidget;
    tabs->setObjectName(u"xTabs"_s);
    tabs->addTab(createAccountTab(), tr("Account"));
    tabs->addTab(createReadingTab(), tr("Reading replies"));
    tabs->addTab(createCostsTab(), tr("Costs"));
    tabs->addTab(createPostsTab(), tr("Posts"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs);
    reload();
}

void XSettingsPage::setAccount(const QString& state)
{
    m_accountLabel->setText(state);
}

QWidget* XSettingsPage::createAccountTab()
{
    m_clientIdEdit = new QLineEdit;
    m_clientIdEdit->setObjectName(u"xClientIdEdit"_s);
    m_clientIdEdit->setPlaceholderText(tr("From the X developer portal (a Native App)"));
    m_callbackPortSpin = new QSpinBox;
    m_callbackPortSpin->setObjectName(u"xCallbackPortSpin"_s);
    m_callbackPortSpin->setRange(1, 65535);
    m_apiBaseUrlEdit = new QLineEdit;
    m_apiBaseUrlEdit->setObjectName(u"xApiBaseUrlEdit"_s);
    connect(m_clientIdEdit, &QLineEdit::textChanged, this, &XSettingsPage::edited);
    connect(m_callbackPortSpin, &QSpinBox::valueChanged, this, &XSettingsPage::edited);
    connect(m_apiBaseUrlEdit, &QLineEdit::textChanged, this, &XSettingsPage::edited);

    m_accountLabel = new QLabel(tr("X is not connected."));
    m_accountLabel->setObjectName(u"xAccountStateLabel"_s);
    m_accountLabel->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Account:"), m_accountLabel);
    form->addRow(tr("&Client ID:"), m_clientIdEdit);
    form->addRow(tr("Callback &port:"), m_callbackPortSpin);
    form->addRow(QString(), noteLabel(u"xCallbackNoteLabel"_s,
                                      tr("Register http://127.0.0.1:<port>/callback as the app's "
                                         "callback URL on X, with this port.")));
    form->addRow(tr("API &base URL:"), m_apiBaseUrlEdit);
    form->addRow(QString(),
                 noteLabel(u"xSignInNoteLabel"_s,
                           tr("Sign in and out of X in the X dock; the account's tokens stay in "
                              "the system keychain. Applying this page reconnects to X with it.")));
    return tab(u"xAccountTab"_s, form);
}

QWidget* XSettingsPage::createReadingTab()
{
    m_mentionsCheck = new QCheckBox(tr("&Mentions of the account"));
    m_mentionsCheck->setObjectName(u"xUseMentionsCheck"_s);
    m_searchCheck = new QCheckBox(tr("Recent &search of the auction's thread"));
    m_searchCheck->setObjectName(u"xUseSearchCheck"_s);
    m_streamCheck = new QCheckBox(tr("&Filtered stream (where the account's access has it)"));
    m_streamCheck->setObjectName(u"xUseStreamCheck"_s);
    for (QCheckBox* check : {m_mentionsCheck, m_searchCheck, m_streamCheck})
        connect(check, &QCheckBox::toggled, this, &XSettingsPage::edited);

    m_idleSpin = secondsSpin(u"xIdleCadenceSpin"_s);
    m_openSpin = secondsSpin(u"xOpenCadenceSpin"_s);
    m_closingSpin = secondsSpin(u"xClosingCadenceSpin"_s);
    m_graceSpin = secondsSpin(u"xGraceCadenceSpin"_s);
    for (QSpinBox* spin : {m_idleSpin, m_openSpin, m_closingSpin, m_graceSpin})
        connect(spin, &QSpinBox::valueChanged, this, &XSettingsPage::edited);

    auto* sources = new QGroupBox(tr("Read the replies from"));
    auto* sourcesLayout = new QVBoxLayout(sources);
    sourcesLayout->addWidget(m_mentionsCheck);
    sourcesLayout->addWidget(m_searchCheck);
    sourcesLayout->addWidget(m_streamCheck);

    auto* cadence = new QGroupBox(tr("Look for new replies every"));
    auto* cadenceForm = new QFormLayout(cadence);
    cadenceForm->addRow(tr("Between auctions:"), m_idleSpin);
    cadenceForm->addRow(tr("While an auction is open:"), m_openSpin);
    cadenceForm->addRow(tr("In its last minutes:"), m_closingSpin);
    cadenceForm->addRow(tr("After the close (late bids):"), m_graceSpin);
    cadenceForm->addRow(QString(), noteLabel(u"xCadenceNoteLabel"_s,
                                             tr("Each look is a request that X counts against "
                                                "its rate limits and, on pay-per-use, bills.")));

    auto* layout = new QVBoxLayout;
    layout->addWidget(sources);
    layout->addWidget(cadence);
    return tab(u"xReadingTab"_s, layout);
}

QWidget* XSettingsPage::createCostsTab()
{
    m_readPriceEdit = dollarsEdit(u"xReadPriceEdit"_s);
    m_ownReadPriceEdit = dollarsEdit(u"xOwnReadPriceEdit"_s);
    m_postPriceEdit = dollarsEdit(u"xPostPriceEdit"_s);
    m_budgetEdit = dollarsEdit(u"xMonthlyBudgetEdit"_s);
    m_budgetEdit->setPlaceholderText(tr("e.g. 50.00"));
    for (QLineEdit* edit : {m_readPriceEdit, m_ownReadPriceEdit, m_postPriceEdit, m_budgetEdit})
        connect(edit, &QLineEdit::textChanged, this, &XSettingsPage::edited);

    auto* form = new QFormLayout;
    form->addRow(tr("Each post read (US$):"), m_readPriceEdit);
    form->addRow(tr("Each read of the account's own mentions (US$):"), m_ownReadPriceEdit);
    form->addRow(tr("Each post made (US$):"), m_postPriceEdit);
    form->addRow(tr("Month's budget for reads (US$):"), m_budgetEdit);
    form->addRow(QString(), noteLabel(u"xCostsNoteLabel"_s,
                                      tr("X's pay-per-use prices, as your developer account "
                                         "shows them. Nearing the budget slows reading, and the "
                                         "X dock says so.")));
    return tab(u"xCostsTab"_s, form);
}

QWidget* XSettingsPage::createPostsTab()
{
    m_postingCheck =
        new QCheckBox(tr("&Post on X: the auction's post, replies to bids, the thread"));
    m_postingCheck->setObjectName(u"xPostingCheck"_s);
    m_allowUrlsCheck = new QCheckBox(tr("Allow &URLs in posts (a post with a URL costs far more)"));
    m_allowUrlsCheck->setObjectName(u"xAllowUrlsCheck"_s);
    connect(m_postingCheck, &QCheckBox::toggled, this, &XSettingsPage::edited);
    connect(m_allowUrlsCheck, &QCheckBox::toggled, this, &XSettingsPage::edited);

    m_kindList = new QListWidget;
    m_kindList->setObjectName(u"templateKindList"_s);
    m_kindList->setMaximumWidth(240);
    for (const QString& kind : XTemplates::kinds()) {
        auto* item = new QListWidgetItem(XTemplates::kindLabel(kind), m_kindList);
        item->setData(Qt::UserRole, kind);
    }
    m_templateEdit = new QPlainTextEdit;
    m_templateEdit->setObjectName(u"templateEdit"_s);
    m_templateEdit->setTabChangesFocus(true);
    m_templateEdit->setMaximumHeight(110);
    m_variableList = new QListWidget;
    m_variableList->setObjectName(u"templateVariableList"_s);
    m_variableList->setToolTip(tr("Double-click a variable to put it in the text."));
    m_lengthLabel = new QLabel;
    m_lengthLabel->setObjectName(u"templateLengthLabel"_s);
    m_templateProblemLabel = new QLabel;
    m_templateProblemLabel->setObjectName(u"templateProblemLabel"_s);
    m_templateProblemLabel->setWordWrap(true);
    m_templateProblemLabel->setStyleSheet(u"color: #c62828;"_s);
    m_restoreButton = new QPushButton(tr("&Restore default"));
    m_restoreButton->setObjectName(u"restoreTemplateButton"_s);

    connect(m_kindList, &QListWidget::currentRowChanged, this, &XSettingsPage::showKind);
    connect(m_templateEdit, &QPlainTextEdit::textChanged, this, &XSettingsPage::templateEdited);
    connect(m_variableList, &QListWidget::itemDoubleClicked, this, &XSettingsPage::insertVariable);
    connect(m_restoreButton, &QPushButton::clicked, this, &XSettingsPage::restoreDefault);

    auto* status = new QHBoxLayout;
    status->addWidget(m_lengthLabel, 1);
    status->addWidget(m_restoreButton);
    auto* editor = new QVBoxLayout;
    editor->addWidget(m_templateEdit);
    editor->addLayout(status);
    editor->addWidget(m_templateProblemLabel);
    editor->addWidget(new QLabel(tr("Variables:")));
    editor->addWidget(m_variableList, 1);
    auto* templates = new QHBoxLayout;
    templates->addWidget(m_kindList);
    templates->addLayout(editor, 1);

    auto* layout = new QVBoxLayout;
    layout->addWidget(m_postingCheck);
    layout->addWidget(m_allowUrlsCheck);
    layout->addWidget(noteLabel(u"xTemplatesNoteLabel"_s,
                                tr("A bidder is named only by their X username; values never "
                                   "carry a bidder's own words, URLs (unless allowed) or "
                                   "another account's name. A post longer than 280 is cut and "
                                   "ends in “…”.")));
    layout->addLayout(templates, 1);
    auto* page = new QWidget;
    page->setObjectName(u"xPostsTab"_s);
    page->setLayout(layout);
    return page;
}

void XSettingsPage::reload()
{
    m_loading = true;
    m_loaded = XSettings::load(m_folder);
    m_templates = m_loaded.templates;
    m_clientIdEdit->setText(m_loaded.clientId);
    m_callbackPortSpin->setValue(m_loaded.callbackPort);
    m_apiBaseUrlEdit->setText(m_loaded.apiBaseUrl);
    m_mentionsCheck->setChecked(m_loaded.useMentions);
    m_searchCheck->setChecked(m_loaded.useSearch);
    m_streamCheck->setChecked(m_loaded.useStream);
    m_idleSpin->setValue(cadenceSeconds(m_loaded.cadence.idleMs));
    m_openSpin->setValue(cadenceSeconds(m_loaded.cadence.openMs));
    m_closingSpin->setValue(cadenceSeconds(m_loaded.cadence.closingMs));
    m_graceSpin->setValue(cadenceSeconds(m_loaded.cadence.graceMs));
    m_readPriceEdit->setText(formatDollars(m_loaded.readPriceMicroUsd));
    m_ownReadPriceEdit->setText(formatDollars(m_loaded.ownReadPriceMicroUsd));
    m_postPriceEdit->setText(formatDollars(m_loaded.postPriceMicroUsd));
    m_budgetEdit->setText(formatDollars(m_loaded.monthlyBudgetMicroUsd));
    m_postingCheck->setChecked(m_loaded.posting);
    m_allowUrlsCheck->setChecked(m_loaded.allowUrls);
    refreshKindList();
    if (m_kindList->currentRow() < 0)
        m_kindList->setCurrentRow(0);
    else
        showKind();
    m_loading = false;
}

void XSettingsPage::edited()
{
    if (!m_loading)
        emit changed();
}

QString XSettingsPage::currentKind() const
{
    const QListWidgetItem* item = m_kindList->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void XSettingsPage::showKind()
{
    const QString kind = currentKind();
    {
        const QSignalBlocker blocker(m_templateEdit);
        m_templateEdit->setPlainText(XTemplates{m_templates}.text(kind));
    }
    m_variableList->clear();
    for (const QString& variable : XTemplates::variables(kind)) {
        auto* item = new QListWidgetItem(
            u'{' + variable + u"}  —  "_s + XTemplates::describe(variable), m_variableList);
        item->setData(Qt::UserRole, variable);
    }
    refreshTemplateState();
}

void XSettingsPage::templateEdited()
{
    const QString kind = currentKind();
    if (kind.isEmpty())
        return;
    const QString text = m_templateEdit->toPlainText();
    // The default is not kept as the operator's own text, so that it follows the language.
    if (text == XTemplates::defaultText(kind))
        m_templates.remove(kind);
    else
        m_templates.insert(kind, text);
    refreshKindList();
    refreshTemplateState();
    edited();
}

void XSettingsPage::restoreDefault()
{
    const QString kind = currentKind();
    if (kind.isEmpty() || !m_templates.contains(kind))
        return;
    m_templates.remove(kind);
    showKind();
    refreshKindList();
    edited();
}

void XSettingsPage::insertVariable()
{
    const QListWidgetItem* item = m_variableList->currentItem();
    if (!item)
        return;
    m_templateEdit->insertPlainText(u'{' + item->data(Qt::UserRole).toString() + u'}');
    m_templateEdit->setFocus();
}

void XSettingsPage::refreshKindList()
{
    // The operator's own texts in bold, so a changed default is easy to find.
    for (int row = 0; row < m_kindList->count(); ++row) {
        QListWidgetItem* item = m_kindList->item(row);
        QFont font = item->font();
        font.setBold(m_templates.contains(item->data(Qt::UserRole).toString()));
        item->setFont(font);
    }
}

void XSettingsPage::refreshTemplateState()
{
    const QString kind = currentKind();
    const QString text = m_templateEdit->toPlainText();
    const int length = XTemplates::typicalLength(kind, text);
    m_lengthLabel->setText(tr("Weighted length: %1 / %2 (variables at typical lengths)")
                               .arg(length)
                               .arg(kMaxWeightedLength));
    const QString problem = kind.isEmpty() ? QString() : XTemplates::validate(kind, text);
    m_templateProblemLabel->setText(problem);
    m_templateProblemLabel->setVisible(!problem.isEmpty());
    m_restoreButton->setEnabled(m_templates.contains(kind));
}

XSettings XSettingsPage::settings() const
{
    XSettings s = m_loaded;
    s.clientId = m_clientIdEdit->text().trimmed();
    s.callbackPort = m_callbackPortSpin->value();
    s.apiBaseUrl = m_apiBaseUrlEdit->text().trimmed();
    s.useMentions = m_mentionsCheck->isChecked();
    s.useSearch = m_searchCheck->isChecked();
    s.useStream = m_streamCheck->isChecked();
    s.cadence.idleMs = cadenceMs(m_idleSpin, m_loaded.cadence.idleMs);
    s.cadence.openMs = cadenceMs(m_openSpin, m_loaded.cadence.openMs);
    s.cadence.closingMs = cadenceMs(m_closingSpin, m_loaded.cadence.closingMs);
    s.cadence.graceMs = cadenceMs(m_graceSpin, m_loaded.cadence.graceMs);
    for (auto [edit, target] : {std::pair{m_readPriceEdit, &s.readPriceMicroUsd},
                                std::pair{m_ownReadPriceEdit, &s.ownReadPriceMicroUsd},
                                std::pair{m_postPriceEdit, &s.postPriceMicroUsd},
                                std::pair{m_budgetEdit, &s.monthlyBudgetMicroUsd}}) {
        if (const auto micro = parseDollars(edit->text()))
            *target = *micro;
    }
    s.posting = m_postingCheck->isChecked();
    s.allowUrls = m_allowUrlsCheck->isChecked();
    s.templates = m_templates;
    return s;
}

QStringList XSettingsPage::validationErrors() const
{
    QStringList problems;
    if (!isHttpUrl(m_apiBaseUrlEdit->text().trimmed()))
        problems << tr("X: the API base URL must be an http or https URL.");
    const std::pair<QLineEdit*, QString> prices[] = {
        {m_readPriceEdit, tr("the price of a post read")},
        {m_ownReadPriceEdit, tr("the price of reading the account's mentions")},
        {m_postPriceEdit, tr("the price of a post")},
        {m_budgetEdit, tr("the month's budget")},
    };
    for (const auto& [edit, what] : prices) {
        if (!parseDollars(edit->text()))
            problems << tr("X: %1 is not an amount in dollars (such as 0.005, with a point, at "
                           "most six decimals).")
                            .arg(what);
    }
    for (auto it = m_templates.cbegin(); it != m_templates.cend(); ++it) {
        if (const QString problem = XTemplates::validate(it.key(), it.value()); !problem.isEmpty())
            problems << tr("X post “%1”: %2").arg(XTemplates::kindLabel(it.key()), problem);
    }
    return problems;
}

bool XSettingsPage::apply(QString* error)
{
    const XSettings wanted = settings();
    if (!wanted.save(m_folder, error))
        return false;
    m_loaded = wanted;
    return true;
}

} // namespace sb::app
