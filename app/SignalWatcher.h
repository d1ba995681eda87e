#pragma once
// Turns SIGINT/SIGTERM/SIGHUP into a Qt signal on the main thread (self-pipe), so the app stops
// between transactions instead of inside one.

#include <QObject>

class QSocketNotifier;

namespace sb::app {

class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

signals:
    void stopRequested(int signalNumber);

private:
    void onReadable();
    QSocketNotifier* m_notifier = nullptr;
    bool m_watchesHangup = false;
};

} // namespace sb::app
