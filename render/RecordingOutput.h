#pragma once
// The local recording: Matroska written as it goes (header first, a cluster every second, flushed)
// so that the file plays even if the app is killed; on stop() optionally remuxed to .mp4 next to
// it (stream copy, moov first). A disk error fails this output only, with a readable reason; the
// encoder and the other outputs never wait for the disk.

#include "Output.h"

#include <QString>

#include <memory>

namespace sb::render {

struct RecordingOutputSettings
{
    QString name = QStringLiteral("Recording");
    QString path;                   // the .mkv to write; its folder must exist
    bool remuxToMp4 = false;        // on stop(): same name with .mp4, stream copy, +faststart
    bool keepMkvAfterRemux = false; // the .mkv is always kept when the remux fails
    int clusterMs = 1000;           // a killed app loses at most about this much
    int maxQueuedMs = 10000;        // a disk slower than real time: drop video to a keyframe

    // The settings that record to `file` as a user names it: always written as Matroska, which
    // survives a crash; a name ending in .mp4 gets the .mkv beside it, remuxed on stop.
    static RecordingOutputSettings forFile(const QString& file);

    // Whether the file at `path` can be made now, found out before the recording starts rather
    // than at its first frame: false with the reason (e.g. "it is not a regular file", "No such
    // file or directory") for a folder or a device there, a folder that is missing or not
    // writable, a read-only file system. Leaves no file behind.
    bool canCreateFile(QString* reason) const;
};

class RecordingOutput final : public Output
{
public:
    explicit RecordingOutput(RecordingOutputSettings settings);
    ~RecordingOutput() override; // stops

    QString name() const override;
    void start(const EncodedStreams& streams) override;
    void push(const EncodedPacket& packet) override;
    // Drains the queue, finalizes the .mkv and remuxes when asked; blocks until done.
    void stop() override;
    OutputStats stats() const override;

    // The file to show the user after stop(): the .mp4 when the remux worked, else the .mkv;
    // empty when nothing was recorded (the empty file is removed).
    QString finalPath() const;

    // Stream copy into MP4 with the index at the front. False with *error (and no .mp4 left).
    static bool remuxToMp4(const QString& inputPath, const QString& mp4Path, QString* error);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace sb::render
