// The marathon wizard filled in as an operator would, by objectName: a bad amount keeps Next
// disabled with a sentence saying why, the schedule preview shows local and UTC times, and the
// finished wizard gives exactly the marathon that was typed. And the Bids dock: its table shows
// the model's bids, filters by status and text, and asks the main window to invalidate the
// selected bid with the reason the operator gave.

#include "BidsDock.h"
#include "BidsTableModel.h"
#include "DeadLetterModel.h"
#include "DemoMarathon.h"
#include "EventDispatcher.h"
#include "EventLogDock.h"
#include "EventLogModel.h"
#include "MarathonWizard.h"
#include "SessionFixture.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimeEdit>

#include <utility>

using namespace sb::app;
using namespace sb::auction;
using namespace sb::auction::test;
using namespace Qt::StringLiterals;

namespace {

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

// Fails its first delivery, then takes everything.
class FlakySubscriber final : public EventSubscriber
{
public:
    QString subscriberName() const override { return u"settlement"_s; }
    QString deliver(const AuctionEvent&) override
    {
        return std::exchange(failNext, false) ? u"RPC node timed out"_s : QString();
    }
    bool failNext = true;
};

bool nextEnabled(QWizard& wizard)
{
    return wizard.button(QWizard::NextButton)->isEnabled();
}

} // namespace

class TestWizard : public QObject
{
    Q_OBJECT

private slots:
    void fillsTheWizardAsAnOperatorWould();
    void startsFromAnExistingConfig();
    void bidsDockShowsAndFiltersTheBids();
    void bidsDockForwardsTheOperatorsActions();
    void eventLogDockFiltersAndRedrives();
};

void TestWizard::fillsTheWizardAsAnOperatorWould()
{
    MarathonWizard wizard;
    wizard.show();
    QCOMPARE(wizard.currentId(), int(MarathonWizard::BasicsPage));

    typeInto(child<QLineEdit>(wizard, u"nameEdit"_s), u"Winter Marathon"_s);
    child<QDateEdit>(wizard, u"firstDayEdit"_s)->setDate(QDate(2026, 11, 10));
    child<QSpinBox>(wizard, u"daysSpin"_s)->setValue(30);
    auto* zones = child<QComboBox>(wizard, u"timeZoneCombo"_s);
    QVERIFY(zones->findText(u"America/New_York"_s) >= 0);
    zones->setCurrentIndex(zones->findText(u"America/New_York"_s));
    child<QTimeEdit>(wizard, u"windowStartEdit"_s)->setTime(QTime(12, 0));
    child<QTimeEdit>(wizard, u"windowEndEdit"_s)->setTime(QTime(20, 0));
    child<QSpinBox>(wizard, u"lotsPerDaySpin"_s)->setValue(1);

    // 12:00 in New York on 10 Nov 2026 (EST, UTC-5) is 17:00 UTC; the window ends after midnight
    // UTC. The last of the 30 days is 9 Dec.
    const QString preview = child<QLabel>(wizard, u"windowPreviewLabel"_s)->text();
    QVERIFY2(preview.contains(u"2026-11-10 12:00 to 2026-11-10 20:00 local"_s),
             qPrintable(preview));
    QVERIFY2(preview.contains(u"2026-11-10 17:00 to 2026-11-11 01:00 UTC"_s), qPrintable(preview));
    QVERIFY2(preview.contains(u"2026-12-09 17:00 to 2026-12-10 01:00 UTC"_s), qPrintable(preview));

    // A window that starts and ends at the same time cannot run: Next says so and stays off.
    child<QTimeEdit>(wizard, u"windowEndEdit"_s)->setTime(QTime(12, 0));
    QVERIFY(!nextEnabled(wizard));
    QVERIFY(child<QLabel>(wizard, u"basicsProblemsLabel"_s)->text().contains(u"same time"_s));
    child<QTimeEdit>(wizard, u"windowEndEdit"_s)->setTime(QTime(20, 0));
    QVERIFY(nextEnabled(wizard));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(MarathonWizard::MoneyPage));

    auto* reserve = child<QLineEdit>(wizard, u"reserveEdit"_s);
    typeInto(reserve, u"0.o5"_s);
    QVERIFY(!nextEnabled(wizard));
    const QString problems = child<QLabel>(wizard, u"moneyProblemsLabel"_s)->text();
    QVERIFY2(problems.contains(u"Reserve price: \"0.o5\" is not an amount of ETH"_s),
             qPrintable(problems));
    QVERIFY(!child<QLabel>(wizard, u"reserveErrorLabel"_s)->isHidden());
    typeInto(reserve, u"0.0000000001"_s);
    QVERIFY(!nextEnabled(wizard));
    QVERIFY(child<QLabel>(wizard, u"reserveErrorLabel"_s)->text().contains(u"9 decimals"_s));
    typeInto(reserve, u"0.05"_s);
    QVERIFY(nextEnabled(wizard));
    QVERIFY(child<QLabel>(wizard, u"reserveErrorLabel"_s)->isHidden());
    child<QSpinBox>(wizard, u"minRaisePercentSpin"_s)->setValue(10);
    typeInto(child<QLineEdit>(wizard, u"minRaiseAbsoluteEdit"_s), u"0.002"_s);
    QVERIFY(nextEnabled(wizard));
    wizard.next();

    QCOMPARE(wizard.currentId(), int(MarathonWizard::TimingPage));
    child<QSpinBox>(wizard, u"timeBufferSpin"_s)->setValue(10);
    child<QCheckBox>(wizard, u"maxExtensionCheck"_s)->setChecked(true);
    child<QSpinBox>(wizard, u"maxExtensionSpin"_s)->setValue(30);
    child<QSpinBox>(wizard, u"graceSpin"_s)->setValue(15);
    QVERIFY(nextEnabled(wizard));
    wizard.next();

    QCOMPARE(wizard.currentId(), int(MarathonWizard::EligibilityPage));
    child<QSpinBox>(wizard, u"minAccountAgeSpin"_s)->setValue(60);
    child<QCheckBox>(wizard, u"requireWalletCheck"_s)->setChecked(true);
    child<QCheckBox>(wizard, u"reviewCeilingCheck"_s)->setChecked(true);
    typeInto(child<QLineEdit>(wizard, u"reviewCeilingEdit"_s), u"0.01"_s);
    QVERIFY(!nextEnabled(wizard)); // below the reserve typed two pages ago
    QVERIFY(child<QLabel>(wizard, u"eligibilityProblemsLabel"_s)->text().contains(u"reserve"_s));
    typeInto(child<QLineEdit>(wizard, u"reviewCeilingEdit"_s), u"5"_s);
    child<QSpinBox>(wizard, u"reviewMultipleSpin"_s)->setValue(20);
    typeInto(child<QLineEdit>(wizard, u"hashtagEdit"_s), u"#Winter"_s);
    auto* blocklist = child<QPlainTextEdit>(wizard, u"blocklistEdit"_s);
    QTest::keyClicks(blocklist, u"spammer"_s);
    QTest::keyClick(blocklist, Qt::Key_Return);
    QTest::keyClicks(blocklist, u"scammer"_s);
    QVERIFY(nextEnabled(wizard));
    wizard.next();

    QCOMPARE(wizard.currentId(), int(MarathonWizard::LotsPage));
    auto* lots = child<QTableWidget>(wizard, u"lotsTable"_s);
    QCOMPARE(lots->rowCount(), 30);
    auto* finish = wizard.button(QWizard::FinishButton);
    QVERIFY(finish->isEnabled()); // no lots yet is a draft, with a warning
    QVERIFY(!child<QLabel>(wizard, u"lotsWarningLabel"_s)->isHidden());
    lots->setItem(0, 0, new QTableWidgetItem(u"First snow"_s));
    QVERIFY(!finish->isEnabled()); // some but not all: validate() refuses, and says why
    QVERIFY(child<QLabel>(wizard, u"lotsProblemsLabel"_s)->text().contains(u"1 lots"_s));
    QList<Lot> expectedLots;
    for (int row = 0; row < 30; ++row) {
        Lot lot;
        lot.title = row == 0 ? u"First snow"_s : u"Winter %1"_s.arg(row + 1);
        lot.artist = u"Ada"_s;
        lot.tokenId = QString::number(row + 1);
        lot.imagePath = u"/art/%1.png"_s.arg(row + 1);
        expectedLots << lot;
        const QStringList cells{lot.title, lot.artist, lot.tokenId, lot.imagePath};
        for (int column = 0; column < cells.size(); ++column)
            lots->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    QVERIFY(finish->isEnabled());
    QVERIFY(child<QLabel>(wizard, u"lotsWarningLabel"_s)->isHidden());
    finish->click();
    QCOMPARE(wizard.result(), int(QDialog::Accepted));

    MarathonConfig expected;
    expected.name = u"Winter Marathon"_s;
    expected.firstDay = QDate(2026, 11, 10);
    expected.days = 30;
    expected.timeZone = u"America/New_York"_s;
    expected.windowStart = QTime(12, 0);
    expected.windowEnd = QTime(20, 0);
    expected.lotsPerDay = 1;
    expected.lots = expectedLots;
    expected.reserve = Gwei::fromGwei(50'000'000);
    expected.minRaisePercent = 10;
    expected.minRaiseAbsolute = Gwei::fromGwei(2'000'000);
    expected.timeBufferMs = 10 * kMinute;
    expected.maxExtensionMs = 30 * kMinute;
    expected.graceMs = 15 * kSecond;
    expected.minAccountAgeDays = 60;
    expected.requireLinkedWallet = true;
    expected.reviewCeiling = Gwei::fromEth(5);
    expected.reviewMultiple = 20;
    expected.hashtag = u"#Winter"_s;
    expected.blocklist = QStringList{u"spammer"_s, u"scammer"_s};
    const MarathonConfig entered = wizard.config();
    QCOMPARE(entered.toJson(), expected.toJson()); // readable on failure
    QVERIFY(entered == expected);
    QVERIFY(entered.validate().isEmpty());
}

void TestWizard::startsFromAnExistingConfig()
{
    const MarathonConfig demo = DemoMarathon::config(utcMs(2026, 11, 10, 17), 3, 10);
    MarathonWizard wizard(demo);
    QCOMPARE(child<QLineEdit>(wizard, u"nameEdit"_s)->text(), demo.name);
    QCOMPARE(child<QLineEdit>(wizard, u"reserveEdit"_s)->text(), u"0.01"_s);
    QVERIFY(wizard.config() == demo); // descriptions, which the wizard does not show, are kept

    // Editing the demo into a real marathon keeps what was not touched.
    wizard.show();
    typeInto(child<QLineEdit>(wizard, u"nameEdit"_s), u"The real one"_s);
    MarathonConfig edited = demo;
    edited.name = u"The real one"_s;
    QVERIFY(wizard.config() == edited);
    QVERIFY(wizard.pageProblems(MarathonWizard::LotsPage).isEmpty());

    // A new wizard is ready to fill: first day tomorrow, no name yet, so Next waits for one.
    MarathonWizard fresh;
    fresh.show();
    QCOMPARE(child<QDateEdit>(fresh, u"firstDayEdit"_s)->date(), QDate::currentDate().addDays(1));
    QVERIFY(!nextEnabled(fresh));
    QVERIFY(child<QLabel>(fresh, u"basicsProblemsLabel"_s)->text().contains(u"name"_s));
}

void TestWizard::bidsDockShowsAndFiltersTheBids()
{
    SessionFixture f;
    sb::studio::BidsTableModel model(*f.session);
    f.settle();
    f.at(kDay1Open + kMinute);
    f.bid(u"alice"_s, u"0.5 ETH"_s);
    f.clock.advance(kSecond);
    f.bid(u"bob"_s, u"10 ETH"_s); // waits for review
    f.clock.advance(kSecond);
    f.bid(u"carol"_s, u"0.001 ETH"_s); // too low

    BidsDock dock;
    QCOMPARE(dock.objectName(), u"BidsDock"_s);
    QCOMPARE(dock.windowTitle(), u"Bids"_s);
    dock.setModel(&model);
    dock.show();
    QAbstractItemModel* shown = dock.table()->model();
    QCOMPARE(shown->rowCount(), 3);
    QCOMPARE(shown->index(0, 0).data().toString().isEmpty(), false);
    QCOMPARE(shown->index(0, sb::studio::BidsTableModel::BidderColumn).data().toString(),
             u"carol"_s); // newest first

    // Amounts sort as numbers: 0.001 < 0.5 < 10.
    dock.table()->sortByColumn(sb::studio::BidsTableModel::AmountColumn, Qt::AscendingOrder);
    QCOMPARE(shown->index(0, sb::studio::BidsTableModel::AmountColumn).data().toString(),
             u"0.001 ETH"_s);
    QCOMPARE(shown->index(2, sb::studio::BidsTableModel::AmountColumn).data().toString(),
             u"10 ETH"_s);

    QComboBox* status = dock.statusCombo();
    status->setCurrentIndex(status->findText(u"In review"_s));
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->index(0, sb::studio::BidsTableModel::BidderColumn).data().toString(), u"bob"_s);
    status->setCurrentIndex(status->findText(u"Rejected"_s));
    QCOMPARE(shown->rowCount(), 1);
    status->setCurrentIndex(status->findText(u"All"_s));
    QCOMPARE(shown->rowCount(), 3);

    QTest::keyClicks(dock.filterEdit(), u"ALI"_s);
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->index(0, sb::studio::BidsTableModel::BidderColumn).data().toString(),
             u"alice"_s);
    dock.filterEdit()->clear();
    QCOMPARE(shown->rowCount(), 3);

    // A new bid shows up live.
    f.bid(u"dave"_s, u"0.6 ETH"_s);
    QCOMPARE(shown->rowCount(), 4);
}

void TestWizard::bidsDockForwardsTheOperatorsActions()
{
    SessionFixture f;
    sb::studio::BidsTableModel model(*f.session);
    f.settle();
    f.at(kDay1Open + kMinute);
    const BidOutcome alice = f.bid(u"alice"_s, u"0.5 ETH"_s);
    const BidOutcome bob = f.bid(u"bob"_s, u"10 ETH"_s);
    QCOMPARE(bob.kind, BidOutcome::Kind::PendingReview);

    BidsDock dock;
    dock.setModel(&model);
    dock.setConfirmations(false);
    QString askedFor;
    dock.setReasonPrompt([&](const QString&, const QString& label) -> std::optional<QString> {
        askedFor = label;
        return u"same person as bob"_s;
    });
    dock.show();
    QVERIFY(!dock.invalidateAction()->isEnabled()); // nothing selected

    // The main window's side: carry the request out through the engine.
    QObject::connect(&dock, &BidsDock::invalidateRequested, &dock,
                     [&](qint64 id, const QString& reason) {
                         f.session->post(
                             [id, reason](MarathonSession& s) {
                                 return s.engine().invalidateBid(id, reason, u"op"_s);
                             },
                             &dock, [](const ActionResult& r) { QVERIFY(r.ok); });
                     });
    QSignalSpy invalidate(&dock, &BidsDock::invalidateRequested);
    QSignalSpy approve(&dock, &BidsDock::approveRequested);
    QSignalSpy reject(&dock, &BidsDock::rejectRequested);

    QVERIFY(dock.selectBid(alice.bidId));
    QCOMPARE(dock.selectedBidId(), alice.bidId);
    QVERIFY(dock.invalidateAction()->isEnabled());
    QVERIFY(!dock.approveAction()->isEnabled());
    dock.invalidateAction()->trigger();
    QCOMPARE(invalidate.size(), 1);
    QCOMPARE(invalidate.at(0).at(0).toLongLong(), alice.bidId);
    QCOMPARE(invalidate.at(0).at(1).toString(), u"same person as bob"_s);
    QVERIFY(askedFor.contains(u"alice"_s));
    f.settle(); // the engine's answer, then the model's reload
    const int row = model.rowOfBid(alice.bidId);
    QCOMPARE(model.index(row, sb::studio::BidsTableModel::StatusColumn).data().toString(),
             u"Invalidated"_s);
    // The model reloaded; the dock no longer offers to invalidate it again.
    QVERIFY(dock.selectBid(alice.bidId));
    QVERIFY(!dock.invalidateAction()->isEnabled());

    QVERIFY(dock.selectBid(bob.bidId));
    QVERIFY(dock.approveAction()->isEnabled());
    QVERIFY(dock.rejectAction()->isEnabled());
    dock.approveAction()->trigger();
    QCOMPARE(approve.size(), 1);
    QCOMPARE(approve.at(0).at(0).toLongLong(), bob.bidId);
    dock.rejectAction()->trigger();
    QCOMPARE(reject.size(), 1);
    QCOMPARE(reject.at(0).at(1).toString(), u"same person as bob"_s);

    // Cancelling the reason sends nothing.
    dock.setReasonPrompt([](const QString&, const QString&) { return std::optional<QString>(); });
    dock.rejectAction()->trigger();
    QCOMPARE(reject.size(), 1);

    QSignalSpy exported(&dock, &BidsDock::exportRequested);
    dock.setDirectoryPrompt([] { return u"/tmp/exports"_s; });
    dock.exportAction()->trigger();
    QCOMPARE(exported.size(), 1);
    QCOMPARE(exported.at(0).at(0).toString(), u"/tmp/exports"_s);
}

void TestWizard::eventLogDockFiltersAndRedrives()
{
    SessionFixture f(simpleConfig(), utcMs(2026, 3, 1, 11), RetryPolicy{0, 1000});
    FlakySubscriber subscriber; // delivered to on the engine's thread
    QVERIFY(f.session->wait(
        [&subscriber](MarathonSession& s) { return s.dispatcher().subscribe(&subscriber); }));
    sb::studio::EventLogModel log(*f.session);
    sb::studio::DeadLetterModel letters(*f.session);
    f.settle();

    EventLogDock dock;
    QCOMPARE(dock.objectName(), u"EventLogDock"_s);
    QCOMPARE(dock.windowTitle(), u"Event log"_s);
    dock.setEventLogModel(&log);
    dock.setDeadLetterModel(&letters);
    dock.show();

    f.at(kDay1Open + kMinute);
    f.bid(u"alice"_s, u"0.5 ETH"_s);
    f.bid(u"bob"_s, u"0.001 ETH"_s);
    QAbstractItemModel* shown = dock.eventTable()->model();
    QCOMPARE(shown->rowCount(), log.totalCount());

    dock.typeCombo()->setCurrentIndex(dock.typeCombo()->findData(u"bid."_s));
    QCOMPARE(shown->rowCount(), 2);
    dock.levelCombo()->setCurrentIndex(1); // warnings and errors
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->index(0, sb::studio::EventLogModel::TypeColumn).data().toString(),
             u"bid.rejected"_s);
    QTest::keyClicks(dock.searchEdit(), u"alice"_s);
    QCOMPARE(shown->rowCount(), 0);
    dock.searchEdit()->clear();
    dock.levelCombo()->setCurrentIndex(0);
    dock.typeCombo()->setCurrentIndex(0);
    QCOMPARE(shown->rowCount(), log.totalCount());

    // The settlement subscriber fails on the first event it sees: it lands in the dead letters.
    f.session->wait([](MarathonSession& s) { return s.dispatcher().pump(); });
    f.settle();
    QCOMPARE(letters.rowCount(), 1);
    QCOMPARE(dock.tabs()->tabText(1), u"Dead letters (1)"_s);
    QVERIFY(dock.redriveButton()->isEnabled());
    QSignalSpy finished(&dock, &EventLogDock::redriveFinished);
    dock.redriveButton()->click();
    f.settle();
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.at(0).at(0).toBool());
    QVERIFY(dock.redriveResultLabel()->text().contains(u"delivered to settlement"_s));
    QCOMPARE(letters.rowCount(), 0);
    QCOMPARE(dock.tabs()->tabText(1), u"Dead letters"_s);
    QVERIFY(!dock.redriveButton()->isEnabled());
    f.session->stop(); // before the subscriber goes
}

QTEST_MAIN(TestWizard)
#include "tst_wizard.moc"
