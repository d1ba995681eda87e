// BroadcastPipeline's outputs: added before a start or attached to a running encoder (joining at
// its next keyframe), taken off at once or in the background while the encoder drains into the
// last one, and fed every packet (BroadcastPipeline.h).

#include "BroadcastPipeline.h"
#include "BroadcastPipelinePrivate.h"

#include <QMetaObject>
#include <QPointer>

namespace sb::render {

void BroadcastPipeline::addOutput(std::unique_ptr<Output> output)
{
    std::lock_guard lock(d->outputsMutex);
    d->outputs.push_back({std::move(output), false});
}

bool BroadcastPipeline::attachOutput(std::unique_ptr<Output> output, QString* error)
{
    if (!d->running) {
        addOutput(std::move(output));
        return true;
    }
    if (!d->encodeThread.joinable()) {
        {
            std::lock_guard lock(d->outputsMutex);
            d->outputs.push_back({std::move(output), false});
        }
        if (d->startEncoder(error))
            return true;
        std::lock_guard lock(d->outputsMutex);
        d->outputs.clear(); // never started
        return false;
    }
    EncodedStreams streams;
    streams.video = d->video->codecParameters();
    streams.videoTimeBase = d->video->timeBase();
    streams.videoFrameRate = d->video->frameRate();
    streams.audio = d->audio->codecParameters();
    streams.audioTimeBase = d->audio->timeBase();
    output->start(streams); // before the encoder can push to it; it joins at the next keyframe
    std::lock_guard lock(d->outputsMutex);
    d->outputs.push_back({std::move(output), false});
    return true;
}

std::unique_ptr<Output> BroadcastPipeline::Private::takeOutput(Output* output)
{
    bool last = false;
    {
        std::lock_guard lock(outputsMutex);
        last = outputs.size() == 1 && outputs.front().output.get() == output;
    }
    if (last && running)
        stopEncoder(); // the encoder's last frames still reach the output being removed
    std::lock_guard lock(outputsMutex);
    for (auto it = outputs.begin(); it != outputs.end(); ++it) {
        if (it->output.get() == output) {
            std::unique_ptr<Output> removed = std::move(it->output);
            outputs.erase(it);
            return removed;
        }
    }
    return nullptr;
}

void BroadcastPipeline::detachOutput(Output* output)
{
    std::unique_ptr<Output> removed = d->takeOutput(output);
    if (removed && d->running)
        removed->stop();
}

void BroadcastPipeline::detachOutputInBackground(Output* output, QObject* context,
                                                 std::function<void()> finished)
{
    std::unique_ptr<Output> removed;
    bool last = false;
    {
        std::lock_guard lock(d->outputsMutex);
        for (auto it = d->outputs.begin(); it != d->outputs.end(); ++it) {
            if (it->output.get() != output)
                continue;
            last = d->outputs.size() == 1;
            removed = std::move(it->output);
            if (last && d->running && d->encodeThread.joinable()) {
                // Off the list, still fed: the encoder's last frames reach it while it drains.
                d->drainingOutput = removed.get();
                d->drainingJoined = it->joined;
            }
            d->outputs.erase(it);
            break;
        }
    }
    auto encoder = std::make_shared<Private::RetiredEncoder>();
    if (removed && last && d->running && d->encodeThread.joinable())
        *encoder = d->retireEncoder();
    const bool stopIt = removed && d->running;
    ++d->finishingCount;
    std::lock_guard lock(d->finishingMutex);
    d->finishing.emplace_back([this, stopIt, encoder,
                               output = std::shared_ptr<Output>(std::move(removed)),
                               context = QPointer<QObject>(context),
                               finished = std::move(finished)]() mutable {
        if (encoder->thread.joinable()) {
            encoder->thread.join(); // flushed: every delayed frame went to `output`
            encoder->video.reset();
            encoder->audio.reset();
            {
                std::lock_guard lock(d->outputsMutex);
                d->drainingOutput = nullptr;
            }
            {
                std::lock_guard lock(d->drainMutex);
                d->encoderDraining = false;
            }
            d->drainDone.notify_all();
        }
        if (stopIt)
            output->stop();
        output.reset();
        --d->finishingCount;
        if (context && finished)
            QMetaObject::invokeMethod(context.data(), std::move(finished), Qt::QueuedConnection);
    });
}

int BroadcastPipeline::finishingOutputs() const
{
    return d->finishingCount.load();
}

void BroadcastPipeline::Private::joinFinishing()
{
    std::vector<std::thread> threads;
    {
        std::lock_guard lock(finishingMutex);
        threads.swap(finishing);
    }
    for (std::thread& thread : threads)
        thread.join();
}

int BroadcastPipeline::outputCount() const
{
    std::lock_guard lock(d->outputsMutex);
    return int(d->outputs.size());
}

void BroadcastPipeline::Private::onPacket(const EncodedPacket& packet)
{
    std::lock_guard lock(outputsMutex);
    for (auto& slot : outputs) {
        // An output that joined a running encoder starts at a keyframe, audio included.
        if (!slot.joined) {
            if (packet.stream != EncodedPacket::Stream::Video || !packet.keyframe)
                continue;
            slot.joined = true;
        }
        slot.output->push(packet);
    }
    if (drainingOutput) {
        if (!drainingJoined && (packet.stream != EncodedPacket::Stream::Video || !packet.keyframe))
            return;
        drainingJoined = true;
        drainingOutput->push(packet);
    }
}

} // namespace sb::render
