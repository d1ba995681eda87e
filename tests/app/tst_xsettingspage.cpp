// The X account page of the Settings dialog, driven by objectName as a user would: it shows what
// x.ini holds; a post's text edited there shows its weighted length and what is wrong with it
// (an unknown {variable} keeps OK disabled), and once saved x.ini has it; "Restore default" takes
// it out again. Prices typed in dollars are kept as exact millionths; cadences, sources and
// posting switches reach the file; Cancel writes nothing. Each test has its own settings folder.

#include "PersonaPosts.h"
#include "SecretStore.h"
#include "SettingsDialog.h"
#include "StudioSettings.h"
#include "XSettings.h"
#include "XSettingsPage.h"
#include "XTemplates.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace sb::app;
using namespace sb::studio;
using sb::integrations::SecretStore;
using sb::integrations::x::XSettings;
using sb::integrations::x::XTemplates;
using namespace Qt::StringLiterals;

namespace {

// The tests' keychain entries (none are written here) are filed apart from the studio's.
const QString kTestService = u"SothebAIs Studio tests"_s;

template <typename T> T* child(QWidget& parent, const QString& name)
{
    T* widget = parent.findChild<T*>(name);
    if (!widget)
        qFatal("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return widget;
}

void typeInto(QLineEdit* edit, const QString& text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void typeInto(QSpinBox* spin, int value)
{
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(value));
}

void typeInto(QPlainTextEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void toggle(QWidget& parent, const QString& checkBoxName)
{
    QTest::keyClick(child<QCheckBox>(parent, checkBoxName), Qt::Key_Space);
}

void click(QWidget& parent, const QString& buttonName)
{
    QTest::mouseClick(child<QAbstractButton>(parent, buttonName), Qt::LeftButton);
}

QPushButton* dialogButton(QWidget& dialog, QDialogButtonBox::StandardButton which)
{
    return child<QDialogButtonBox>(dialog, u"buttonBox"_s)->button(which);
}

QString errorText(QWidget& dialog)
{
    auto* label = child<QLabel>(dialog, u"errorLabel"_s);
    return label->isHidden() ? QString() : label->text();
}

// Clicks the X account page in the list on the left, then the tab of the page named `tab`.
void openXTab(SettingsDialog& dialog, const QString& tab)
{
    auto* list = child<QListWidget>(dialog, u"pageList"_s);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(SettingsDialog::XAccountPage)).center());
    QCOMPARE(dialog.currentPage(), SettingsDialog::XAccountPage);
    auto* tabs = child<QTabWidget>(dialog, u"xTabs"_s);
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->widget(i)->objectName() == tab)
            tabs->setCurrentIndex(i);
    }
    QCOMPARE(tabs->currentWidget()->objectName(), tab);
}

// Clicks the kind of post whose label is `kind`'s in the template list.
void chooseKind(QWidget& dialog, const QString& kind)
{
    auto* list = child<QListWidget>(dialog, u"templateKindList"_s);
    const int row = int(XTemplates::kinds().indexOf(kind));
    QVERIFY(row >= 0);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(row)).center());
    QCOMPARE(list->currentItem()->text(), XTemplates::kindLabel(kind));
}

} // namespace

class TestXSettingsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsWhatXIniHolds();
    void templateEditedSavedAndRestored();
    void lengthCounterFollowsTheText();
    void dollarsAreParsedExactly();
    void badAmountKeepsOkDisabled();
    void readingAndPostingReachTheFile();
    void cancelWritesNothing();
    void personaWordsTheDefaultPosts();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<StudioSettings> m_settings;
};

void TestXSettingsPage::initTestCase()
{
    // Every file goes to the test's own folder; this keeps even a slip away from the user's.
    QStandardPaths::setTestModeEnabled(true);
}

void TestXSettingsPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_secrets = std::make_unique<SecretStore>(kTestService);
    m_settings = std::make_unique<StudioSettings>(m_dir->path(), m_secrets.get());
}

void TestXSettingsPage::cleanup()
{
    m_settings.reset();
    m_secrets.reset();
    m_dir.reset();
}

void TestXSettingsPage::showsWhatXIniHolds()
{
    XSettings saved;
    saved.clientId = u"client-123"_s;
    saved.callbackPort = 9001;
    saved.apiBaseUrl = u"http://127.0.0.1:9999"_s;
    saved.useSearch = false;
    saved.useStream = true;
    saved.cadence.openMs = 2'500;
    saved.readPriceMicroUsd = 12'345;
    saved.monthlyBudgetMicroUsd = 75'500'000;
    saved.posting = false;
    saved.templates.insert(u"leader"_s, u"{bidder} leads with {amount}"_s);
    QVERIFY(saved.save(m_dir->path()));

    SettingsDialog dialog(m_settings.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    openXTab(dialog, u"xAccountTab"_s);
    QCOMPARE(child<QLineEdit>(dialog, u"xClientIdEdit"_s)->text(), u"client-123"_s);
    QCOMPARE(child<QSpinBox>(dialog, u"xCallbackPortSpin"_s)->value(), 9001);
    QCOMPARE(child<QLineEdit>(dialog, u"xApiBaseUrlEdit"_s)->text(), u"http://127.0.0.1:9999"_s);
    QVERIFY(!child<QLabel>(dialog, u"xSignInNoteLabel"_s)->text().isEmpty());
    QVERIFY(child<QCheckBox>(dialog, u"xUseMentionsCheck"_s)->isChecked());
    QVERIFY(!child<QCheckBox>(dialog, u"xUseSearchCheck"_s)->isChecked());
    QVERIFY(child<QCheckBox>(dialog, u"xUseStreamCheck"_s)->isChecked());
    QCOMPARE(child<QSpinBox>(dialog, u"xOpenCadenceSpin"_s)->value(), 3); // 2.5 s, rounded
    QCOMPARE(child<QSpinBox>(dialog, u"xIdleCadenceSpin"_s)->value(), 60);
    QCOMPARE(child<QLineEdit>(dialog, u"xReadPriceEdit"_s)->text(), u"0.012345"_s);
    QCOMPARE(child<QLineEdit>(dialog, u"xPostPriceEdit"_s)->text(), u"0.015"_s);
    QCOMPARE(child<QLineEdit>(dialog, u"xMonthlyBudgetEdit"_s)->text(), u"75.50"_s);
    QVERIFY(!child<QCheckBox>(dialog, u"xPostingCheck"_s)->isChecked());
    QVERIFY(!child<QCheckBox>(dialog, u"xAllowUrlsCheck"_s)->isChecked());

    openXTab(dialog, u"xPostsTab"_s);
    chooseKind(dialog, u"leader"_s);
    QCOMPARE(child<QPlainTextEdit>(dialog, u"templateEdit"_s)->toPlainText(),
             u"{bidder} leads with {amount}"_s);
    QVERIFY(child<QPushButton>(dialog, u"restoreTemplateButton"_s)->isEnabled());
    chooseKind(dialog, u"open"_s);
    QCOMPARE(child<QPlainTextEdit>(dialog, u"templateEdit"_s)->toPlainText(),
             XTemplates::defaultText(u"open"_s));
    QVERIFY(!child<QPushButton>(dialog, u"restoreTemplateButton"_s)->isEnabled());
    // The variables of the kind shown, each with what it stands for.
    auto* variables = child<QListWidget>(dialog, u"templateVariableList"_s);
    QCOMPARE(variables->count(), XTemplates::variables(u"open"_s).size());
    QVERIFY(variables->item(0)->text().contains(XTemplates::describe(u"day"_s)));
}

void TestXSettingsPage::templateEditedSavedAndRestored()
{
    SettingsDialog dialog(m_settings.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    openXTab(dialog, u"xPostsTab"_s);
    chooseKind(dialog, u"accepted"_s);
    auto* edit = child<QPlainTextEdit>(dialog, u"templateEdit"_s);
    auto* length = child<QLabel>(dialog, u"templateLengthLabel"_s);
    auto* problem = child<QLabel>(dialog, u"templateProblemLabel"_s);

    typeInto(edit, u"Bid {amount} taken {nope}"_s);
    QVERIFY2(length->text().contains(u"/ 280"_s), qPrintable(length->text()));
    QVERIFY(!problem->isHidden());
    QVERIFY2(problem->text().contains(u"{nope}"_s), qPrintable(problem->text()));
    QVERIFY(errorText(dialog).contains(u"{nope}"_s));
    QVERIFY(!dialogButton(dialog, QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!dialogButton(dialog, QDialogButtonBox::Apply)->isEnabled());

    const QString mine = u"Bid of {amount} accepted. Next: {minimum}"_s;
    typeInto(edit, mine);
    QVERIFY(problem->isHidden());
    QCOMPARE(errorText(dialog), QString());
    QVERIFY(child<QPushButton>(dialog, u"restoreTemplateButton"_s)->isEnabled());
    QVERIFY(dialogButton(dialog, QDialogButtonBox::Ok)->isEnabled());
    QTest::mouseClick(dialogButton(dialog, QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    QString loadProblem;
    XSettings reloaded = XSettings::load(m_dir->path(), &loadProblem);
    QVERIFY2(loadProblem.isEmpty(), qPrintable(loadProblem));
    QCOMPARE(reloaded.templates, (QMap<QString, QString>{{u"accepted"_s, mine}}));
    QCOMPARE(reloaded.clientId, XSettings().clientId); // what was not touched stays as it was
    QCOMPARE(reloaded.cadence, XSettings().cadence);

    // A second opening shows the operator's text, and "Restore default" takes it out of x.ini.
    SettingsDialog again(m_settings.get());
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    openXTab(again, u"xPostsTab"_s);
    chooseKind(again, u"accepted"_s);
    auto* againEdit = child<QPlainTextEdit>(again, u"templateEdit"_s);
    QCOMPARE(againEdit->toPlainText(), mine);
    click(again, u"restoreTemplateButton"_s);
    QCOMPARE(againEdit->toPlainText(), XTemplates::defaultText(u"accepted"_s));
    QVERIFY(!child<QPushButton>(again, u"restoreTemplateButton"_s)->isEnabled());
    QTest::mouseClick(dialogButton(again, QDialogButtonBox::Apply), Qt::LeftButton);
    QCOMPARE(errorText(again), QString());
    reloaded = XSettings::load(m_dir->path());
    QVERIFY(reloaded.templates.isEmpty());
    QFile ini(XSettings::filePath(m_dir->path()));
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains("accepted"));
}

void TestXSettingsPage::lengthCounterFollowsTheText()
{
    XSettingsPage page(m_dir->path());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    child<QTabWidget>(page, u"xTabs"_s)->setCurrentIndex(3);
    chooseKind(page, u"rejected"_s);
    auto* edit = child<QPlainTextEdit>(page, u"templateEdit"_s);
    auto* length = child<QLabel>(page, u"templateLengthLabel"_s);
    auto* problem = child<QLabel>(page, u"templateProblemLabel"_s);

    typeInto(edit, u"No way"_s);
    QVERIFY2(length->text().contains(u"6 / 280"_s), qPrintable(length->text()));
    QVERIFY(problem->isHidden());
    // {reason} is counted at a typical sentence's length, not as the 8 characters of its name.
    typeInto(edit, u"No: {reason}"_s);
    const int withReason = XTemplates::typicalLength(u"rejected"_s, u"No: {reason}"_s);
    QVERIFY(withReason > 5 + 8);
    QVERIFY2(length->text().contains(QString::number(withReason) + u" / 280"_s),
             qPrintable(length->text()));
    // Emoji count 2 each.
    // (Typed in one go: key clicks would send each half of an emoji's surrogate pair alone.)
    edit->setPlainText(QString(270, u'a') + u"🔥🔥🔥🔥🔥🔥"_s);
    QVERIFY2(length->text().contains(u"282 / 280"_s), qPrintable(length->text()));
    QVERIFY(!problem->isHidden());
    QVERIFY(problem->text().contains(u"282"_s));
    QCOMPARE(page.validationErrors().size(), 1);
}

void TestXSettingsPage::dollarsAreParsedExactly()
{
    QCOMPARE(XSettingsPage::parseDollars(u"0.005"_s), std::optional<std::int64_t>(5'000));
    QCOMPARE(XSettingsPage::parseDollars(u"0.1"_s), std::optional<std::int64_t>(100'000));
    QCOMPARE(XSettingsPage::parseDollars(u" $50 "_s), std::optional<std::int64_t>(50'000'000));
    QCOMPARE(XSettingsPage::parseDollars(u"1,234.56"_s),
             std::optional<std::int64_t>(1'234'560'000));
    QCOMPARE(XSettingsPage::parseDollars(u".29"_s), std::optional<std::int64_t>(290'000));
    QCOMPARE(XSettingsPage::parseDollars(u"0.000001"_s), std::optional<std::int64_t>(1));
    for (const QString& bad : {u""_s, u"."_s, u"abc"_s, u"-1"_s, u"0,005"_s, u"0.0000001"_s,
                               u"1e3"_s, u"12,34"_s, u"99999999999"_s})
        QVERIFY2(!XSettingsPage::parseDollars(bad), qPrintable(bad));
    QCOMPARE(XSettingsPage::formatDollars(5'000), u"0.005"_s);
    QCOMPARE(XSettingsPage::formatDollars(50'000'000), u"50.00"_s);
    QCOMPARE(XSettingsPage::formatDollars(1), u"0.000001"_s);
    QCOMPARE(XSettingsPage::formatDollars(1'234'560'000), u"1234.56"_s);
    QCOMPARE(XSettingsPage::formatDollars(0), u"0.00"_s);

    SettingsDialog dialog(m_settings.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    openXTab(dialog, u"xCostsTab"_s);
    typeInto(child<QLineEdit>(dialog, u"xReadPriceEdit"_s), u"0.0125"_s);
    typeInto(child<QLineEdit>(dialog, u"xOwnReadPriceEdit"_s), u"0.1"_s);
    typeInto(child<QLineEdit>(dialog, u"xPostPriceEdit"_s), u"$0.02"_s);
    typeInto(child<QLineEdit>(dialog, u"xMonthlyBudgetEdit"_s), u"1,234.56"_s);
    QCOMPARE(errorText(dialog), QString());
    QTest::mouseClick(dialogButton(dialog, QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const XSettings reloaded = XSettings::load(m_dir->path());
    QCOMPARE(reloaded.readPriceMicroUsd, 12'500);
    QCOMPARE(reloaded.ownReadPriceMicroUsd, 100'000);
    QCOMPARE(reloaded.postPriceMicroUsd, 20'000);
    QCOMPARE(reloaded.monthlyBudgetMicroUsd, 1'234'560'000);
}

void TestXSettingsPage::badAmountKeepsOkDisabled()
{
    SettingsDialog dialog(m_settings.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    openXTab(dialog, u"xCostsTab"_s);
    auto* budget = child<QLineEdit>(dialog, u"xMonthlyBudgetEdit"_s);
    typeInto(budget, u"50,5"_s);
    QVERIFY(errorText(dialog).contains(u"budget"_s));
    QVERIFY(!dialogButton(dialog, QDialogButtonBox::Ok)->isEnabled());
    typeInto(budget, u"50.5"_s);
    QCOMPARE(errorText(dialog), QString());

    openXTab(dialog, u"xAccountTab"_s);
    typeInto(child<QLineEdit>(dialog, u"xApiBaseUrlEdit"_s), u"ftp://api.x.com"_s);
    QVERIFY(errorText(dialog).contains(u"URL"_s));
    QVERIFY(!dialogButton(dialog, QDialogButtonBox::Ok)->isEnabled());
}

void TestXSettingsPage::readingAndPostingReachTheFile()
{
    XSettings saved;
    saved.cadence.graceMs = 1'500; // not whole seconds: kept exactly while its box is untouched
    saved.authorizeUrl = u"http://127.0.0.1:9999/authorize"_s; // not on the page: kept
    QVERIFY(saved.save(m_dir->path()));

    SettingsDialog dialog(m_settings.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    openXTab(dialog, u"xAccountTab"_s);
    typeInto(child<QLineEdit>(dialog, u"xClientIdEdit"_s), u"my-client"_s);
    typeInto(child<QSpinBox>(dialog, u"xCallbackPortSpin"_s), 8800);
    openXTab(dialog, u"xReadingTab"_s);
    toggle(dialog, u"xUseSearchCheck"_s);
    toggle(dialog, u"xUseStreamCheck"_s);
    typeInto(child<QSpinBox>(dialog, u"xOpenCadenceSpin"_s), 7);
    auto* closing = child<QSpinBox>(dialog, u"xClosingCadenceSpin"_s);
    typeInto(closing, 0);
    QCOMPARE(closing->minimum(), 1); // never under a second
    openXTab(dialog, u"xPostsTab"_s);
    toggle(dialog, u"xPostingCheck"_s);
    toggle(dialog, u"xAllowUrlsCheck"_s);
    QCOMPARE(errorText(dialog), QString());
    QTest::mouseClick(dialogButton(dialog, QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const XSettings reloaded = XSettings::load(m_dir->path());
    QCOMPARE(reloaded.clientId, u"my-client"_s);
    QCOMPARE(reloaded.callbackPort, 8800);
    QVERIFY(reloaded.useMentions);
    QVERIFY(!reloaded.useSearch);
    QVERIFY(reloaded.useStream);
    QCOMPARE(reloaded.cadence.openMs, 7'000);
    QVERIFY(reloaded.cadence.closingMs >= 1'000);
    QCOMPARE(reloaded.cadence.graceMs, 1'500);
    QCOMPARE(reloaded.cadence.idleMs, XSettings().cadence.idleMs);
    QVERIFY(!reloaded.posting);
    QVERIFY(reloaded.allowUrls);
    QCOMPARE(reloaded.authorizeUrl, u"http://127.0.0.1:9999/authorize"_s);
}

void TestXSettingsPage::cancelWritesNothing()
{
    SettingsDialog dialog(m_settings.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    openXTab(dialog, u"xAccountTab"_s);
    typeInto(child<QLineEdit>(dialog, u"xClientIdEdit"_s), u"never-saved"_s);
    openXTab(dialog, u"xPostsTab"_s);
    typeInto(child<QPlainTextEdit>(dialog, u"templateEdit"_s), u"Lot {lot}"_s);
    QTest::mouseClick(dialogButton(dialog, QDialogButtonBox::Cancel), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!QFile::exists(XSettings::filePath(m_dir->path())));
}

QTEST_MAIN(TestXSettingsPage)
void TestXSettingsPage::personaWordsTheDefaultPosts()
{
    // The shipped persona words the winner's post in her style; the operator's own text for
    // another kind stays theirs; the other kinds keep the default.
    XSettings x;
    x.templates.insert(u"extended"_s, u"Lot {lot} runs {minutes} min longer. {hashtag}"_s);
    QStringList problems;
    const XSettings posted = withPersonaPosts(x, HostSettings{}, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; ")));
    const XTemplates templates{posted.templates};
    const QString winner = templates.render(
        u"winner"_s,
        {{u"lot"_s, u"3"_s}, {u"bidder"_s, u"vault_vera"_s}, {u"amount"_s, u"1.5 ETH"_s}}, false);
    QVERIFY2(winner.contains(u"gavel falls on lot 3"_s), qPrintable(winner));
    QVERIFY2(winner.contains(u"@vault_vera takes it home for 1.5 ETH"_s), qPrintable(winner));
    QCOMPARE(templates.text(u"extended"_s), u"Lot {lot} runs {minutes} min longer. {hashtag}"_s);
    QCOMPARE(templates.text(u"accepted"_s), XTemplates::defaultText(u"accepted"_s));
    // Nothing of it is saved: x.ini keeps what the operator wrote.
    QCOMPARE(x.templates.size(), 1);

    // A persona text X could not post (a variable the kind lacks, an unknown kind) is left out
    // and named; the default stays.
    QTemporaryDir dir;
    const QString file = dir.filePath(u"persona.json"_s);
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(R"({"name": "Vex", "bio": "An auctioneer.", "templates": {
        "post.winner": "Sold to {wallet}!", "post.no_such_kind": "Hi",
        "post.leader": "{bidder} leads lot {lot} at {amount}. {hashtag}"}})");
    out.close();
    HostSettings host;
    host.personaFile = file;
    problems.clear();
    const XSettings mixed = withPersonaPosts(XSettings{}, host, &problems);
    QCOMPARE(problems.size(), 2);
    QVERIFY2(problems.join(u"; "_s).contains(u"post.winner"_s), qPrintable(problems.join(u"; ")));
    QVERIFY2(problems.join(u"; "_s).contains(u"post.no_such_kind"_s),
             qPrintable(problems.join(u"; ")));
    QVERIFY(!mixed.templates.contains(u"winner"_s));
    QCOMPARE(mixed.templates.value(u"leader"_s),
             u"{bidder} leads lot {lot} at {amount}. {hashtag}"_s);
}

#include "tst_xsettingspage.moc"
