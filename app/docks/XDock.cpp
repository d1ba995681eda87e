#include "XDock.h"

#include "XOutboxView.h"

#include "EngineThread.h"
#include "XConnection.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace sb::app {

using sb::integrations::x::XAuth;
using sb::integrations::x::XConnection;
using sb::integrations::x::XIntake;

namespace {

QString clock(std::int64_t utcMs)
{
    return utcMs > 0 ? QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime().toString(
                           QStringLiteral("HH:mm:ss"))
                     : QStringLiteral("—");
}

// The post's id from what the operator pasted: its URL (…/status/<id>) or the id itself.
QString postIdOf(const QString& text)
{
    const auto match = QRegularExpression(QStringLiteral("^(?:https?://\\S+/status/)?(\\d{1,20})"))
                           .match(text.trimmed());
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

XDock::XDock(QWidget* parent) : QDockWidget(tr("X"), parent)
{
    setObjectName(QStringLiteral("XDock"));
    m_openBrowser = [](const QUrl& url) { QDesktopServices::openUrl(url); };
    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);

    m_account = new QLabel;
    m_account->setObjectName(QStringLiteral("xAccountLabel"));
    m_account->setWordWrap(true);
    m_signIn = new QPushButton(tr("Sign in with X"));
    m_signIn->setObjectName(QStringLiteral("xSignInButton"));
    m_signOut = new QPushButton(tr("Sign out"));
    m_signOut->setObjectName(QStringLiteral("xSignOutButton"));
    auto* accountRow = new QHBoxLayout;
    accountRow->addWidget(m_account, 1);
    accountRow->addWidget(m_signIn);
    accountRow->addWidget(m_signOut);
    layout->addLayout(accountRow);
    m_link = new QLabel;
    m_link->setObjectName(QStringLiteral("xAuthorizeLink"));
    m_link->setWordWrap(true);
    m_link->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_link->setVisible(false);
    layout->addWidget(m_link);

    auto* form = new QFormLayout;
    m_clientId = new QLineEdit;
    m_clientId->setObjectName(QStringLiteral("xClientIdEdit"));
    m_clientId->setPlaceholderText(tr("the OAuth 2.0 client id of your X app"));
    form->addRow(tr("Client id"), m_clientId);
    m_post = new QLineEdit;
    m_post->setObjectName(QStringLiteral("xPostEdit"));
    m_post->setPlaceholderText(tr("https://x.com/you/status/… — replies to it are bids"));
    m_setPost = new QPushButton(tr("Set"));
    m_setPost->setObjectName(QStringLiteral("xSetPostButton"));
    auto* postRow = new QHBoxLayout;
    postRow->addWidget(m_post, 1);
    postRow->addWidget(m_setPost);
    form->addRow(tr("Auction's post"), postRow);
    layout->addLayout(form);

    m_sources = new QTableWidget(0, 7);
    m_sources->setObjectName(QStringLiteral("xSourcesTable"));
    m_sources->setHorizontalHeaderLabels({tr("Source"), tr("State"), tr("Last poll"), tr("Left"),
                                          tr("Reset"), tr("Read up to"), tr("Posts")});
    m_sources->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_sources->verticalHeader()->hide();
    m_sources->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_sources, 1);
    m_cost = new QLabel;
    m_cost->setObjectName(QStringLiteral("xCostLabel"));
    layout->addWidget(m_cost);
    m_budget = new QLabel;
    m_budget->setObjectName(QStringLiteral("xBudgetLabel"));
    m_budget->setWordWrap(true);
    m_budget->setVisible(false);
    layout->addWidget(m_budget);
    m_result = new QLabel;
    m_result->setObjectName(QStringLiteral("xResultLabel"));
    m_result->setWordWrap(true);
    layout->addWidget(m_result);
    auto* outboxTitle = new QLabel(tr("Posts on X"));
    outboxTitle->setStyleSheet(QStringLiteral("font-weight: bold"));
    layout->addWidget(outboxTitle);
    m_outbox = new XOutboxView;
    layout->addWidget(m_outbox, 1);
    // Scrolls rather than making the window taller than the screen it was laid out for.
    auto* scroll = new QScrollArea;
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(body);
    setWidget(scroll);

    connect(m_signIn, &QPushButton::clicked, this, &XDock::signIn);
    connect(m_signOut, &QPushButton::clicked, this, [this] {
        if (m_connection)
            m_connection->auth().signOut();
    });
    connect(m_setPost, &QPushButton::clicked, this, &XDock::setPost);
    connect(m_clientId, &QLineEdit::editingFinished, this,
            [this] { emit clientIdChanged(m_clientId->text().trimmed()); });
    refresh();
}

void XDock::setConnection(XConnection* connection, sb::auction::EngineThread* session)
{
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_connection = connection;
    m_session = session;
    m_outbox->setConnection(connection, session);
    if (m_connection) {
        connect(m_connection, &XConnection::stateChanged, this, &XDock::refresh);
        connect(m_connection, &XConnection::problem, this,
                [this](const QString& message) { m_result->setText(message); });
        m_clientId->setText(m_connection->settings().clientId);
    }
    if (m_session)
        connect(m_session, &sb::auction::EngineThread::eventsCommitted, this, &XDock::refresh);
    refresh();
}

void XDock::signIn()
{
    if (!m_connection)
        return;
    QString error;
    const QString url = m_connection->auth().beginSignIn(&error);
    if (url.isEmpty()) {
        m_result->setText(error);
        return;
    }
    // If the browser does not open (or opens elsewhere), the address can be copied from here.
    m_link->setText(
        tr("Allow SothebAIs Studio in the browser that opened. If none did, open: %1").arg(url));
    m_link->setVisible(true);
    m_result->clear();
    m_openBrowser(QUrl(url));
}

void XDock::setPost()
{
    if (!m_session || !m_session->view().currentAuction)
        return;
    const QString id = postIdOf(m_post->text());
    if (id.isEmpty()) {
        m_result->setText(tr("Paste the post's address (…/status/123…) or its id."));
        return;
    }
    const int auction = *m_session->view().currentAuction;
    m_session->post(
        [auction, id](sb::auction::MarathonSession& s) {
            return s.engine().setThreadId(auction, id, QStringLiteral("operator"));
        },
        this,
        [this, id](const sb::auction::ActionResult& r) {
            m_result->setText(r.ok ? tr("Replies to post %1 are this auction's bids.").arg(id)
                                   : r.error);
            refresh();
        });
}

void XDock::refresh()
{
    const XAuth* auth = m_connection ? &m_connection->auth() : nullptr;
    const XAuth::State state = auth ? auth->state() : XAuth::State::Unknown;
    if (!auth)
        m_account->setText(tr("X is not connected."));
    else if (state == XAuth::State::SignedIn)
        m_account->setText(
            tr("Signed in as @%1 (account %2)").arg(auth->username(), auth->userId()));
    else if (state == XAuth::State::SigningIn)
        m_account->setText(tr("Waiting for X…"));
    else if (state == XAuth::State::Unknown)
        m_account->setText(tr("Reading the keychain…"));
    else
        m_account->setText(auth->signInNeeded().isEmpty()
                               ? tr("Not signed in: no bids are read from X.")
                               : auth->signInNeeded());
    if (state != XAuth::State::SigningIn)
        m_link->setVisible(false);
    m_signIn->setEnabled(auth && state != XAuth::State::SignedIn);
    m_signOut->setEnabled(auth && state == XAuth::State::SignedIn);

    if (m_session && m_session->view().currentAuction && !m_post->hasFocus()) {
        const auto& view = m_session->view();
        const QString thread = view.auctions.value(*view.currentAuction).threadId;
        if (!thread.isEmpty() && postIdOf(m_post->text()) != thread)
            m_post->setText(thread);
    }
    m_setPost->setEnabled(m_session && m_session->view().currentAuction);

    XIntake* intake = m_connection ? m_connection->intake() : nullptr;
    const QList<XIntake::SourceState> sources =
        intake ? intake->sources() : QList<XIntake::SourceState>();
    m_sources->setRowCount(int(sources.size()));
    for (int row = 0; row < sources.size(); ++row) {
        const XIntake::SourceState& s = sources.at(row);
        const QString stateText = !s.waitingFor.isEmpty() ? s.waitingFor : s.lastResult;
        const QStringList cells{
            s.name == QLatin1String("x-search")   ? tr("Search")
            : s.name == QLatin1String("x-stream") ? tr("Filtered stream")
                                                  : tr("Mentions"),
            stateText,
            clock(s.lastPollUtcMs),
            s.remaining ? QString::number(*s.remaining) : QStringLiteral("—"),
            s.resetUtcMs ? clock(*s.resetUtcMs) : QStringLiteral("—"),
            clock(s.watermarkUtcMs),
            QString::number(s.postsRead),
        };
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            if (!s.active)
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            m_sources->setItem(row, column, item);
        }
    }
    // This month's reads as the intake counts them (kept in the marathon), in integer micro-USD.
    m_cost->setText(intake ? intake->readBudget().summary()
                           : tr("This month's reads from X are counted while signed in."));
    const QString note = intake ? intake->readBudget().note() : QString();
    m_budget->setText(note);
    m_budget->setVisible(!note.isEmpty());
}

} // namespace sb::app
