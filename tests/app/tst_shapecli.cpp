// `sothebais-studio wallet` and `shape` as an operator runs them (the real binary), against a
// private Secret Service (run through tests/studio/keyring-test.sh) and a real anvil on loopback:
// the key is imported from stdin or a file and never from the command line, made new without
// overwriting one, kept in the keychain with only its address in studio.ini, and never printed;
// the auction house is deployed with it (code exists at the printed address, --save writes it to
// Settings → Shape) and a dry run signs without sending; `shape status` reads each settlement and
// its transactions from a marathon database, read-only.

#include "AnvilNode.h"
#include "AuctionStore.h"
#include "CliTestSupport.h"
#include "KeychainCheck.h"
#include "SecretScan.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSettings>
#include <QTimer>

using namespace sb::test;
using namespace Qt::StringLiterals;

namespace {

// anvil's published dev accounts: test keys, never funded on a real chain.
const QString kDevKey0 = u"0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"_s;
const QString kDevAddress0 = u"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"_s;
const QString kDevKey1 = u"0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"_s;
const QString kDevAddress1 = u"0x70997970C51812dc3A010C7d01b50e0d17dc79C8"_s;

// The binary with `input` on its stdin.
Run runWithInput(const QStringList& args, const QByteArray& input)
{
    Run run;
    run.args = args;
    QProcess process;
    startStudio(process, args);
    if (!process.waitForStarted(kCommandMs)) {
        run.err = process.errorString();
        return run;
    }
    process.write(input);
    process.closeWriteChannel();
    collect(process, run, kCommandMs);
    return run;
}

// One JSON-RPC call to the node, synchronously (the test's own view of the chain).
QJsonValue rpc(const QString& url, const QString& method, const QJsonArray& params)
{
    QNetworkAccessManager network;
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    const QJsonObject body{
        {u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, 1}, {u"method"_s, method}, {u"params"_s, params}};
    QNetworkReply* reply = network.post(request, QJsonDocument(body).toJson());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer.value("result"_L1);
}

QString valueAfter(const QStringList& lines, const QString& prefix)
{
    for (const QString& line : lines)
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed();
    return {};
}

} // namespace

class TestShapeCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QStringList m_secretsSeen;

    QString configDir() const { return m_dir.filePath(u"config"_s); }
    QString writeKeyFile(const QString& name, const QString& key)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write(key.toLatin1() + "\n");
        return path;
    }
    void verifyNoKeyIn(const Run& run)
    {
        for (const QString& secret : std::as_const(m_secretsSeen)) {
            QVERIFY2(!run.out.contains(secret.mid(2), Qt::CaseInsensitive),
                     qPrintable(run.describe()));
            QVERIFY2(!run.err.contains(secret.mid(2), Qt::CaseInsensitive),
                     qPrintable(run.describe()));
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_secretsSeen << kDevKey0 << kDevKey1;
    }

    void walletKeepsTheKeyInTheKeychain()
    {
        SB_REQUIRE_KEYCHAIN();
        const QStringList config{u"--config-dir"_s, configDir()};
        runStudio(QStringList{u"wallet"_s, u"import"_s, u"--replace"_s} + config); // (empty stdin)

        // A key on the command line is refused without being repeated.
        Run onArgv = runStudio(QStringList{u"wallet"_s, u"import"_s, kDevKey1} + config);
        SB_EXPECT_EXIT(onArgv, 2);
        QVERIFY(onArgv.err.contains(u"never given on the command line"_s));
        verifyNoKeyIn(onArgv);

        // Garbage on stdin: a sentence, nothing stored.
        Run garbage = runWithInput(QStringList{u"wallet"_s, u"import"_s, u"--replace"_s} + config,
                                   "correct horse battery staple\n");
        SB_EXPECT_EXIT(garbage, 2);
        QVERIFY2(garbage.err.contains(u"not a private key"_s), qPrintable(garbage.describe()));

        Run imported = runWithInput(QStringList{u"wallet"_s, u"import"_s, u"--replace"_s} + config,
                                    kDevKey1.toLatin1() + "\n");
        SB_EXPECT_EXIT(imported, 0);
        QCOMPARE(imported.outLines().value(0), kDevAddress1);
        verifyNoKeyIn(imported);

        Run address = runStudio(QStringList{u"wallet"_s, u"address"_s} + config);
        SB_EXPECT_EXIT(address, 0);
        QCOMPARE(address.outLines(), QStringList{kDevAddress1});

        // `new` does not overwrite it by accident.
        Run refused = runStudio(QStringList{u"wallet"_s, u"new"_s} + config);
        SB_EXPECT_EXIT(refused, 1);
        QVERIFY(refused.err.contains(u"already"_s));
        QCOMPARE(runStudio(QStringList{u"wallet"_s, u"address"_s} + config).outLines(),
                 QStringList{kDevAddress1});

        Run made = runStudio(QStringList{u"wallet"_s, u"new"_s, u"--replace"_s} + config);
        SB_EXPECT_EXIT(made, 0);
        const QString newAddress = made.outLines().value(0);
        QVERIFY(newAddress.startsWith(u"0x"_s) && newAddress.size() == 42);
        QVERIFY(newAddress != kDevAddress1);
        QVERIFY(!QRegularExpression(u"[0-9a-fA-F]{64}"_s).match(made.out + made.err).hasMatch());

        // From a file too; studio.ini has the address and never a key.
        Run fromFile = runStudio(QStringList{u"wallet"_s, u"import"_s, u"--replace"_s,
                                             u"--key-file"_s, writeKeyFile(u"k1"_s, kDevKey1)} +
                                 config);
        SB_EXPECT_EXIT(fromFile, 0);
        QCOMPARE(fromFile.outLines().value(0), kDevAddress1);
        QSettings ini(configDir() + u"/studio.ini"_s, QSettings::IniFormat);
        QCOMPARE(ini.value(u"shape/operator_address"_s).toString(), kDevAddress1);
        int scanned = 0;
        QFile::remove(m_dir.filePath(u"k1"_s));
        QVERIFY(filesContaining(m_dir.path(), kDevKey1.mid(2), &scanned).isEmpty());
        const QString home = qEnvironmentVariable("SB_TEST_KEYRING_HOME");
        if (!home.isEmpty())
            QVERIFY(filesContaining(home, kDevKey1.mid(2), &scanned).isEmpty());
    }

    void deployPutsTheContractOnChain()
    {
        shapetest::AnvilNode anvil;
        if (!anvil.start())
            QFAIL(qPrintable(anvil.error()));
        const QString keyFile = writeKeyFile(u"operator.key"_s, kDevKey0);
        const QStringList deploy{u"shape"_s,
                                 u"deploy"_s,
                                 u"--rpc"_s,
                                 anvil.url(),
                                 u"--treasury"_s,
                                 kDevAddress1,
                                 u"--operator-key-file"_s,
                                 keyFile};

        // A dry run signs and prints, and sends nothing.
        Run dry = runStudio(deploy + QStringList{u"--dry-run"_s}, kMarathonMs);
        SB_EXPECT_EXIT(dry, 0);
        QVERIFY2(dry.outLines().last().startsWith(u"0x02"_s), qPrintable(dry.describe()));
        QCOMPARE(rpc(anvil.url(), u"eth_getTransactionCount"_s, {kDevAddress0, u"latest"_s}),
                 QJsonValue(u"0x0"_s));
        verifyNoKeyIn(dry);

        // Another chain id than the node's is refused before anything is signed.
        Run wrongChain = runStudio(deploy + QStringList{u"--chain-id"_s, u"360"_s}, kMarathonMs);
        SB_EXPECT_EXIT(wrongChain, 1);
        QCOMPARE(rpc(anvil.url(), u"eth_getTransactionCount"_s, {kDevAddress0, u"latest"_s}),
                 QJsonValue(u"0x0"_s));

        // The RPC given in a file, as a hosted provider's URL with its key: --rpc would leave
        // the key in the process list. Giving both, or a file without a URL, is refused.
        const QString rpcFile = m_dir.filePath(u"rpc.txt"_s);
        {
            QFile file(rpcFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write((anvil.url() + u"/?apikey=RPCSECRET42\n"_s).toUtf8());
        }
        QStringList fromFile = deploy;
        fromFile.replace(fromFile.indexOf(u"--rpc"_s) + 1, rpcFile);
        fromFile.replace(fromFile.indexOf(u"--rpc"_s), u"--rpc-file"_s);
        Run both = runStudio(deploy + QStringList{u"--rpc-file"_s, rpcFile});
        SB_EXPECT_EXIT(both, 2);
        QVERIFY2(both.err.contains(u"not both"_s), qPrintable(both.describe()));
        Run noFile = runStudio(
            QStringList(fromFile).replaceInStrings(rpcFile, m_dir.filePath(u"missing.txt"_s)));
        SB_EXPECT_EXIT(noFile, 2);
        QVERIFY2(noFile.err.contains(u"The RPC file "_s), qPrintable(noFile.describe()));

        Run real = runStudio(fromFile + QStringList{u"--chain-id"_s, u"31337"_s, u"--save"_s,
                                                    u"--config-dir"_s, configDir()},
                             kMarathonMs);
        SB_EXPECT_EXIT(real, 0);
        verifyNoKeyIn(real);
        QVERIFY2(!(real.out + real.err).contains(u"RPCSECRET42"_s), qPrintable(real.describe()));
        const QString contract = valueAfter(real.outLines(), u"Contract address:"_s);
        QVERIFY2(contract.size() == 42, qPrintable(real.describe()));
        const QString code = rpc(anvil.url(), u"eth_getCode"_s, {contract, u"latest"_s}).toString();
        QVERIFY2(code.size() > 1000,
                 qPrintable(code.left(100))); // the auction house's runtime code
        const QString block = valueAfter(real.outLines(), u"Deployed in block"_s);
        QVERIFY(block.toULongLong() >= 1);

        QSettings ini(configDir() + u"/studio.ini"_s, QSettings::IniFormat);
        QCOMPARE(ini.value(u"shape/contract"_s).toString(), contract);
        QCOMPARE(ini.value(u"shape/contract_block"_s).toString(), block);
        QCOMPARE(ini.value(u"shape/chain_id"_s).toString(), u"31337"_s);
        QCOMPARE(ini.value(u"shape/network"_s).toString(), u"custom"_s);
    }

    void headlessRunsTheDriverWithTheKeyFile()
    {
        shapetest::AnvilNode anvil;
        if (!anvil.start())
            QFAIL(qPrintable(anvil.error()));
        // Headless reads Settings → Shape from the app's config folder: a throwaway one here.
        const QString xdg = m_dir.filePath(u"xdg"_s);
        const QString appConfig = xdg + u"/SothebAIs/sothebais-studio"_s;
        const QString keyFile = writeKeyFile(u"headless.key"_s, kDevKey0);
        Run deployed = runStudio({u"shape"_s, u"deploy"_s, u"--rpc"_s, anvil.url(), u"--treasury"_s,
                                  kDevAddress1, u"--operator-key-file"_s, keyFile, u"--save"_s,
                                  u"--config-dir"_s, appConfig},
                                 kMarathonMs);
        SB_EXPECT_EXIT(deployed, 0);
        {
            QSettings ini(appConfig + u"/studio.ini"_s, QSettings::IniFormat);
            ini.setValue(u"shape/settlement"_s, true);
        }

        QProcess studio;
        QProcessEnvironment env = operatorEnvironment();
        env.insert(u"XDG_CONFIG_HOME"_s, xdg);
        studio.setProcessEnvironment(env);
        studio.start(studioBinary(),
                     {u"--headless"_s, u"--demo"_s, u"--days"_s, u"1"_s, u"--db"_s,
                      m_dir.filePath(u"demo.db"_s), u"--operator-key-file"_s, keyFile});
        QVERIFY(studio.waitForStarted(kCommandMs));
        QString err;
        const QDeadlineTimer deadline(kMarathonMs);
        while (!err.contains(u"Settling on chain 31337 from 0xf3…66"_s) &&
               studio.state() == QProcess::Running && !deadline.hasExpired()) {
            studio.waitForReadyRead(200);
            err += QString::fromUtf8(studio.readAllStandardError());
            studio.readAllStandardOutput();
        }
        // shape status reads the same database beside the running marathon (read-only, WAL).
        Run beside = runStudio({u"shape"_s, u"status"_s, u"--db"_s, m_dir.filePath(u"demo.db"_s)});
        SB_EXPECT_EXIT(beside, 0);
        QCOMPARE(studio.state(), QProcess::Running);
        ::kill(pid_t(studio.processId()), SIGTERM);
        QVERIFY(studio.waitForFinished(kCommandMs));
        err += QString::fromUtf8(studio.readAllStandardError());
        QVERIFY2(err.contains(u"Shape: Settling on chain 31337 from 0xf3…66"_s), qPrintable(err));
        QVERIFY(!err.contains(kDevKey0.mid(2), Qt::CaseInsensitive));
    }

    void statusReadsEachSettlement()
    {
        const QString db = m_dir.filePath(u"marathon.db"_s);
        {
            sb::auction::AuctionStore store;
            QString error;
            QVERIFY2(store.open(db, &error), qPrintable(error));
            sb::auction::Settlement paid;
            paid.auctionIndex = 0;
            paid.stage = sb::auction::SettlementStage::Reserved;
            paid.bidderId = u"42"_s;
            paid.bidderName = u"alice"_s;
            paid.price = sb::auction::Gwei::fromGwei(250'000'000);
            paid.buyerAddress = kDevAddress1;
            paid.deadlineUtcMs = 1'900'000'000'000;
            QVERIFY2(store.saveSettlement(paid, &error), qPrintable(error));
            sb::auction::ChainTransaction tx;
            tx.auctionIndex = 0;
            tx.step = u"reserve"_s;
            tx.chainId = 11011;
            tx.nonce = 3;
            tx.fromAddress = kDevAddress0;
            tx.toAddress = kDevAddress1;
            tx.raw = QByteArray::fromHex("02c0");
            tx.hash = QByteArray(32, '\xab');
            tx.state = sb::auction::ChainTxState::Included;
            tx.blockNumber = 77;
            QVERIFY2(store.addChainTransaction(tx, &error), qPrintable(error));
        }
        Run json = runStudio({u"shape"_s, u"status"_s, u"--db"_s, db, u"--json"_s});
        SB_EXPECT_EXIT(json, 0);
        QCOMPARE(json.outLines().size(), 1);
        const QJsonObject s = eventOf(json.outLines().first());
        QCOMPARE(s.value("stage"_L1).toString(), u"reserved"_s);
        QCOMPARE(s.value("buyer"_L1).toString(), u"alice"_s);
        QCOMPARE(s.value("wallet"_L1).toString(), kDevAddress1);
        QCOMPARE(s.value("price"_L1).toString(), u"0.25 ETH"_s);
        QCOMPARE(s.value("token_id"_L1).toString(), u"1"_s);
        QVERIFY(s.value("deadline_utc"_L1).toString().startsWith(u"2030-"_s));
        const QJsonObject t = s.value("transactions"_L1).toArray().first().toObject();
        QCOMPARE(t.value("state"_L1).toString(), u"included"_s);
        const QString hash = u"0x"_s + QString(64, u'a').replace(u"aa"_s, u"ab"_s);
        QCOMPARE(t.value("hash"_L1).toString(), hash);
        QCOMPARE(t.value("explorer"_L1).toString(), u"https://sepolia.shapescan.xyz/tx/"_s + hash);

        Run text = runStudio({u"shape"_s, u"status"_s, u"--db"_s, db});
        SB_EXPECT_EXIT(text, 0);
        QVERIFY2(text.out.contains(u"Auction #1: reserved"_s), qPrintable(text.describe()));
        QVERIFY(text.out.contains(u"reserve (turn 0): included "_s + hash));

        Run missing = runStudio({u"shape"_s, u"status"_s, u"--db"_s, m_dir.filePath(u"no.db"_s)});
        SB_EXPECT_EXIT(missing, 2);
    }
};

QTEST_GUILESS_MAIN(TestShapeCli)
#include "tst_shapecli.moc"
