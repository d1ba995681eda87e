// Files the studio reads whole (a marathon config, a scene, a persona, a key) are read only when
// they are regular files: a FIFO, a folder or a device is refused with its kind named, and no
// read ever waits on a FIFO, even one another process puts in the file's place while it is read.

#include "RegularFile.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

class TestRegularFile : public QObject
{
    Q_OBJECT

private slots:
    void readsARegularFileAndRefusesTheRest()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"persona.json"_s);
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("{\"name\":\"Ada\"}");
        out.close();
        QByteArray data;
        QString why;
        QVERIFY2(sb::readRegularFile(file, 1024, &data, &why), qPrintable(why));
        QCOMPARE(data, QByteArray("{\"name\":\"Ada\"}"));

        QVERIFY(!sb::readRegularFile(file, 4, &data, &why));
        QCOMPARE(why, file + u" is 14 bytes; at most 4 are read"_s);
        QVERIFY(!sb::readRegularFile(dir.filePath(u"missing"_s), 1024, &data, &why));
        QCOMPARE(why, dir.filePath(u"missing"_s) + u" does not exist"_s);
        QVERIFY(!sb::readRegularFile(dir.path(), 1024, &data, &why));
        QCOMPARE(why, dir.path() + u" is a folder, not a regular file"_s);
        QVERIFY(!sb::readRegularFile(u"/dev/zero"_s, 1024, &data, &why));
        QCOMPARE(why, u"/dev/zero is a device, not a regular file"_s);
        const QString fifo = dir.filePath(u"fifo"_s);
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QVERIFY(!sb::readRegularFile(fifo, 1024, &data, &why)); // returns: nobody writes to it
        QCOMPARE(why, fifo + u" is a FIFO (named pipe), not a regular file"_s);
        // Qt's resources are read as files are.
        QVERIFY(!sb::readRegularFile(u":/no/such/resource.json"_s, 1024, &data, &why));
        QCOMPARE(why, u":/no/such/resource.json does not exist"_s);
    }

    // Another process swaps the file for a FIFO and back, over and over, while the studio reads
    // it: each read gets the file or refuses the FIFO, and none waits. Before, the path was
    // checked and then opened: a FIFO put in its place in between blocked the read (and the
    // thread, which SIGTERM cannot free) until a writer came.
    void aFileSwappedForAFifoNeverBlocksTheRead()
    {
        QTemporaryDir dir;
        const QByteArray path = QFile::encodeName(dir.filePath(u"scene.json"_s));
        const QByteArray regular = QFile::encodeName(dir.filePath(u"regular"_s));
        const QByteArray fifo = QFile::encodeName(dir.filePath(u"fifo"_s));
        const QByteArray link = QFile::encodeName(dir.filePath(u"link"_s));
        {
            QFile out(QString::fromUtf8(regular));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("{}");
        }
        QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
        QCOMPARE(::link(regular.constData(), path.constData()), 0);

        std::atomic<bool> stop{false};
        std::thread swapper([&] {
            for (bool toFifo = true; !stop.load(); toFifo = !toFifo) {
                ::link(toFifo ? fifo.constData() : regular.constData(), link.constData());
                ::rename(link.constData(), path.constData()); // atomic: the path is always there
            }
        });
        std::atomic<bool> done{false};
        std::atomic<int> read{0};
        std::atomic<int> refused{0};
        std::atomic<int> wrong{0};
        std::thread reader([&] {
            const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(2);
            while (std::chrono::steady_clock::now() < end) {
                QByteArray data;
                QString why;
                if (sb::readRegularFile(QString::fromUtf8(path), 1024, &data, &why))
                    ++(data == "{}" ? read : wrong);
                else
                    ++(why.contains(u"is a FIFO (named pipe), not a regular file"_s) ? refused
                                                                                     : wrong);
            }
            done = true;
        });
        bool finished = false;
        for (int waited = 0; waited < 200 && !finished; ++waited) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            finished = done.load();
        }
        stop = true;
        swapper.join();
        // A read stuck on the FIFO is let go (a writer comes) so that the suite can end.
        while (!done.load()) {
            const int writer = ::open(fifo.constData(), O_WRONLY | O_NONBLOCK);
            if (writer >= 0)
                ::close(writer);
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        reader.join();
        QVERIFY2(finished, "a read waited on the FIFO");
        QCOMPARE(wrong.load(), 0);
        QVERIFY(read.load() > 0);
        QVERIFY(refused.load() > 0);
    }
};

QTEST_GUILESS_MAIN(TestRegularFile)
#include "tst_regularfile.moc"
