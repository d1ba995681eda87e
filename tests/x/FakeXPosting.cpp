// The fake X server's posting side (FakeXServer.h): POST /2/tweets as X documents it in 2026 —
// 201 with the new post's id, 403 for a text the account already posted, 403 for a reply the
// author of its target never invited (the 2026-02 reply restriction), 400 for a body that is not
// a post — and the account's own timeline, which is how a client finds a post it made but never
// heard back about.

#include "FakeXServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>

namespace sb::test {

namespace {

QByteArray refusal(int status, const QString& title, const QString& detail)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("title"), title},
                                     {QStringLiteral("detail"), detail},
                                     {QStringLiteral("type"), QStringLiteral("about:blank")},
                                     {QStringLiteral("status"), status}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

int FakeXServer::createdWithText(const QString& text) const
{
    return int(std::count_if(m_created.cbegin(), m_created.cend(),
                             [&](const Created& c) { return c.text == text; }));
}

QList<const FakeXServer::Post*> FakeXServer::ownPosts() const
{
    QList<const Post*> own;
    for (const Post& p : m_posts) {
        if (p.authorId == accountId && !p.deleted)
            own.append(&p);
    }
    return own;
}

void FakeXServer::answerCreate(QTcpSocket* socket, const Request& request,
                               const QList<QPair<QByteArray, QByteArray>>& limits, bool slow)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString text = body.value(QStringLiteral("text")).toString();
    const QString inReplyTo = body.value(QStringLiteral("reply"))
                                  .toObject()
                                  .value(QStringLiteral("in_reply_to_tweet_id"))
                                  .toString();
    if (text.trimmed().isEmpty()) {
        reply(socket, 400,
              refusal(400, QStringLiteral("Invalid Request"),
                      QStringLiteral("One or more parameters to your request was invalid.")),
              limits);
        return;
    }
    for (const Post* own : ownPosts()) {
        if (own->text == text) {
            ++m_duplicatesRefused;
            reply(socket, 403,
                  refusal(403, QStringLiteral("Forbidden"),
                          QStringLiteral("You are not allowed to create a Tweet with duplicate "
                                         "content.")),
                  limits);
            return;
        }
    }
    QString conversation;
    if (!inReplyTo.isEmpty()) {
        const auto target = std::find_if(m_posts.cbegin(), m_posts.cend(), [&](const Post& p) {
            return p.versions.contains(inReplyTo) && !p.deleted;
        });
        if (target == m_posts.cend()) {
            reply(socket, 400,
                  refusal(400, QStringLiteral("Invalid Request"),
                          QStringLiteral("The post you are replying to does not exist.")),
                  limits);
            return;
        }
        const bool invited = target->authorId == accountId ||
                             target->text.contains(u'@' + accountUsername, Qt::CaseInsensitive);
        if (replyRestriction && !invited) {
            ++m_repliesRefused;
            reply(socket, 403,
                  refusal(403, QStringLiteral("Forbidden"),
                          QStringLiteral("Reply to this conversation is not allowed because you "
                                         "have not been mentioned or otherwise engaged by the "
                                         "author of the post you are replying to.")),
                  limits);
            return;
        }
        conversation = target->conversationId;
    }
    Post post;
    post.text = text;
    post.authorId = accountId;
    post.createdMs = clockMs();
    post.mentionsAccount = false;
    post.conversationId = conversation;
    const QString id = addPost(post);
    if (conversation.isEmpty())
        m_posts.last().conversationId = id; // a post starts its own conversation
    m_created.append({id, text, inReplyTo, post.createdMs});
    const QByteArray answer =
        QJsonDocument(
            QJsonObject{{QStringLiteral("data"),
                         QJsonObject{{QStringLiteral("id"), id},
                                     {QStringLiteral("text"), text},
                                     {QStringLiteral("edit_history_tweet_ids"), QJsonArray{id}}}}})
            .toJson(QJsonDocument::Compact);
    if (slow) {
        QTimer::singleShot(slowMs, socket,
                           [this, socket, answer, limits] { reply(socket, 201, answer, limits); });
        return;
    }
    reply(socket, 201, answer, limits);
}

} // namespace sb::test
