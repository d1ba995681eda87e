#include "AuctionDock.h"

#include "AuctionStateModel.h"
#include "StudioController.h"

#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace sb::app {

using namespace sb::auction;
using namespace sb::studio;

namespace {
const QString kActor = QStringLiteral("operator");
}

AuctionDock::AuctionDock(StudioController& studio, QWidget* parent)
    : QDockWidget(tr("Auction"), parent), m_studio(studio)
{
    setObjectName(QStringLiteral("AuctionDock"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);

    auto* header = new QHBoxLayout;
    m_marathon = new QLabel(body);
    m_marathon->setObjectName(QStringLiteral("marathonLabel"));
    QFont bold = m_marathon->font();
    bold.setBold(true);
    m_marathon->setFont(bold);
    m_demoBadge = new QLabel(tr("DEMO"), body);
    m_demoBadge->setObjectName(QStringLiteral("demoBadge"));
    m_demoBadge->setStyleSheet(QStringLiteral(
        "QLabel { background: #c0392b; color: white; font-weight: bold; padding: 1px 6px; "
        "border-radius: 3px; }"));
    m_demoBadge->setToolTip(tr("A demo marathon with simulated bidders. Nothing here is real."));
    header->addWidget(m_marathon, 1);
    header->addWidget(m_demoBadge);
    layout->addLayout(header);

    auto* form = new QFormLayout;
    m_day = new QLabel(body);
    m_state = new QLabel(body);
    m_state->setObjectName(QStringLiteral("stateLabel"));
    m_leader = new QLabel(body);
    m_leader->setObjectName(QStringLiteral("leaderLabel"));
    m_timeLeft = new QLabel(body);
    m_timeLeft->setObjectName(QStringLiteral("timeLeftLabel"));
    m_minimum = new QLabel(body);
    form->addRow(tr("Auction:"), m_day);
    form->addRow(tr("State:"), m_state);
    form->addRow(tr("Leader:"), m_leader);
    form->addRow(tr("Time left:"), m_timeLeft);
    form->addRow(tr("Next bid from:"), m_minimum);
    layout->addLayout(form);

    auto* actions = new QGroupBox(tr("Operator actions"), body);
    auto* grid = new QHBoxLayout(actions);
    m_pause = new QPushButton(tr("Pause"), actions);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_extendMinutes = new QSpinBox(actions);
    m_extendMinutes->setObjectName(QStringLiteral("extendMinutes"));
    m_extendMinutes->setRange(1, 240);
    m_extendMinutes->setValue(5);
    m_extendMinutes->setSuffix(tr(" min"));
    m_extend = new QPushButton(tr("Extend"), actions);
    m_extend->setObjectName(QStringLiteral("extendButton"));
    m_close = new QPushButton(tr("Close now"), actions);
    m_close->setObjectName(QStringLiteral("closeButton"));
    m_cancel = new QPushButton(tr("Cancel day"), actions);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_settle = new QPushButton(tr("Mark settled"), actions);
    m_settle->setObjectName(QStringLiteral("settleButton"));
    for (QWidget* w : std::initializer_list<QWidget*>{m_pause, m_extendMinutes, m_extend, m_close,
                                                      m_cancel, m_settle})
        grid->addWidget(w);
    layout->addWidget(actions);

    auto* bidBox = new QGroupBox(tr("Manual bid"), body);
    auto* bidLayout = new QHBoxLayout(bidBox);
    m_bidder = new QLineEdit(bidBox);
    m_bidder->setObjectName(QStringLiteral("bidderEdit"));
    m_bidder->setPlaceholderText(tr("Bidder"));
    m_amount = new QLineEdit(bidBox);
    m_amount->setObjectName(QStringLiteral("amountEdit"));
    m_amount->setPlaceholderText(tr("Amount, e.g. 0.5 ETH"));
    m_submit = new QPushButton(tr("Submit bid"), bidBox);
    m_submit->setObjectName(QStringLiteral("submitBidButton"));
    bidLayout->addWidget(m_bidder, 1);
    bidLayout->addWidget(m_amount, 1);
    bidLayout->addWidget(m_submit);
    layout->addWidget(bidBox);
    m_result = new QLabel(body);
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setWordWrap(true);
    layout->addWidget(m_result);

    m_newMarathon = new QPushButton(tr("Set up the real marathon…"), body);
    m_newMarathon->setObjectName(QStringLiteral("newMarathonButton"));
    layout->addWidget(m_newMarathon);
    layout->addStretch(1);
    setWidget(body);

    connect(m_pause, &QPushButton::clicked, this, &AuctionDock::pauseOrResume);
    connect(m_extend, &QPushButton::clicked, this, &AuctionDock::extend);
    connect(m_close, &QPushButton::clicked, this, &AuctionDock::closeNow);
    connect(m_cancel, &QPushButton::clicked, this, &AuctionDock::cancelDay);
    connect(m_settle, &QPushButton::clicked, this, &AuctionDock::markSettled);
    connect(m_submit, &QPushButton::clicked, this, &AuctionDock::submitBid);
    connect(m_amount, &QLineEdit::returnPressed, this, &AuctionDock::submitBid);
    connect(m_newMarathon, &QPushButton::clicked, this, &AuctionDock::newMarathonRequested);
    connect(&m_studio.state(), &AuctionStateModel::changed, this, &AuctionDock::refresh);
    auto* timer = new QTimer(this); // the countdown
    connect(timer, &QTimer::timeout, this, &AuctionDock::refresh);
    timer->start(500);
    refresh();
}

QString AuctionDock::lastResult() const
{
    return m_result->text();
}

std::optional<int> AuctionDock::currentAuction() const
{
    const auto snapshot = m_studio.state().snapshot();
    if (!snapshot->hasAuction)
        return std::nullopt;
    return snapshot->auctionIndex;
}

void AuctionDock::refresh()
{
    const auto s = m_studio.state().snapshot();
    m_marathon->setText(s->marathonName);
    m_demoBadge->setVisible(m_studio.isDemo());
    m_newMarathon->setVisible(m_studio.isDemo());
    if (!s->hasAuction) {
        m_day->setText(tr("No auction"));
        m_state->setText(marathonStateName(s->marathonState));
        m_leader->setText(QStringLiteral("—"));
        m_timeLeft->setText(QStringLiteral("—"));
        m_minimum->setText(QStringLiteral("—"));
    } else {
        m_day->setText(tr("Day %1 of %2 · lot %3 · %4")
                           .arg(s->dayNumber)
                           .arg(s->dayCount)
                           .arg(s->lotNumber)
                           .arg(s->lot.title.isEmpty() ? tr("untitled") : s->lot.title));
        QString state = dayStateName(s->dayState);
        if (s->extended)
            state += tr(" · extended");
        if (s->winnerDeclared)
            state += tr(" · won by %1").arg(s->winnerName);
        m_state->setText(state);
        m_leader->setText(s->currentBid
                              ? tr("%1 — %2").arg(formatEth(*s->currentBid), s->leaderName)
                              : tr("no bids yet"));
        const std::int64_t nowMs = m_studio.clock().nowUtcMs();
        AuctionSnapshot live = *s;
        live.nowUtcMs = nowMs;
        m_timeLeft->setText(
            s->isLive() ? formatTimeLeft(live.timeLeftMs())
                        : (live.nextStartUtcMs > nowMs
                               ? tr("next in %1").arg(formatCountdown(live.nextStartUtcMs - nowMs))
                               : QStringLiteral("—")));
        m_minimum->setText(formatEth(s->minimumNextBid));
    }
    const bool live = s->hasAuction && s->isLive();
    m_pause->setText(s->paused ? tr("Resume") : tr("Pause"));
    m_pause->setEnabled(live);
    m_extend->setEnabled(live);
    m_close->setEnabled(live);
    m_cancel->setEnabled(s->hasAuction && (live || s->dayState == DayState::Pending));
    m_settle->setEnabled(s->hasAuction && s->winnerDeclared && s->dayState == DayState::Processing);
}

bool AuctionDock::confirm(const QString& question)
{
    return !m_confirm || QMessageBox::question(this, tr("Confirm"), question) == QMessageBox::Yes;
}

void AuctionDock::report(bool ok, const QString& message)
{
    m_result->setText(message);
    m_result->setStyleSheet(ok ? QString() : QStringLiteral("color: #c0392b;"));
    if (!ok)
        emit actionFailed(message);
    refresh();
}

void AuctionDock::pauseOrResume()
{
    const auto index = currentAuction();
    if (!index)
        return;
    const bool paused = m_studio.state().snapshot()->paused;
    if (!confirm(paused ? tr("Resume the auction?") : tr("Pause the auction? The clock stops.")))
        return;
    const int day = *index;
    act(
        [paused, day](AuctionEngine& engine) {
            return paused ? engine.resume(day, kActor) : engine.pause(day, kActor);
        },
        paused ? tr("Resumed.") : tr("Paused."));
}

void AuctionDock::extend()
{
    const auto index = currentAuction();
    if (!index)
        return;
    const int minutes = m_extendMinutes->value();
    if (!confirm(tr("Extend the auction by %n minute(s)?", nullptr, minutes)))
        return;
    const int day = *index;
    act(
        [day, minutes](AuctionEngine& engine) {
            return engine.extend(day, std::int64_t(minutes) * 60'000, kActor);
        },
        tr("Extended by %n minute(s).", nullptr, minutes));
}

void AuctionDock::closeNow()
{
    const auto index = currentAuction();
    if (!index || !confirm(tr("Close the auction now? The leader wins after the grace period.")))
        return;
    const int day = *index;
    act([day](AuctionEngine& engine) { return engine.closeNow(day, kActor); }, tr("Closed."));
}

void AuctionDock::cancelDay()
{
    const auto index = currentAuction();
    if (!index)
        return;
    QString reason = tr("cancelled by the operator");
    if (m_confirm) {
        bool ok = false;
        reason = QInputDialog::getText(this, tr("Cancel the day"),
                                       tr("Why is this auction cancelled? (kept in the journal)"),
                                       QLineEdit::Normal, QString(), &ok);
        if (!ok || reason.trimmed().isEmpty())
            return;
    }
    const int day = *index;
    act([day, reason](AuctionEngine& engine) { return engine.cancel(day, reason, kActor); },
        tr("Cancelled."));
}

void AuctionDock::markSettled()
{
    const auto index = currentAuction();
    if (!index || !confirm(tr("Mark this auction as settled (paid and delivered)?")))
        return;
    const int day = *index;
    const QString note = tr("settled by hand");
    act([day, note](AuctionEngine& engine) { return engine.markSettled(day, note, kActor); },
        tr("Marked settled."));
}

void AuctionDock::submitBid()
{
    const QString bidder = m_bidder->text().trimmed();
    const QString text = m_amount->text().trimmed();
    if (bidder.isEmpty() || text.isEmpty()) {
        report(false, tr("Type the bidder and the amount."));
        return;
    }
    m_studio.submitManualBid(bidder, text, this, [this, bidder](const BidOutcome& outcome) {
        switch (outcome.kind) {
        case BidOutcome::Kind::Accepted:
            report(true, outcome.leads ? tr("Accepted: %1 leads.").arg(bidder) : tr("Accepted."));
            m_amount->clear();
            break;
        case BidOutcome::Kind::PendingReview:
            report(true, tr("Waiting for review in the Bids dock."));
            break;
        case BidOutcome::Kind::Rejected:
            report(
                false,
                tr("Rejected: %1").arg(outcome.rejection ? outcome.rejection->message : QString()));
            break;
        case BidOutcome::Kind::Duplicate:
            report(false, tr("Already recorded."));
            break;
        case BidOutcome::Kind::Failed:
            report(false, tr("Not stored: %1").arg(outcome.error));
            break;
        }
    });
}

void AuctionDock::act(std::function<ActionResult(AuctionEngine&)> action, const QString& success)
{
    m_studio.session().post(
        [action = std::move(action)](MarathonSession& session) { return action(session.engine()); },
        this, [this, success](const ActionResult& r) { report(r.ok, r.ok ? success : r.error); });
}

} // namespace sb::app
