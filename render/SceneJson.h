#pragma once
// Loads a scene from JSON (the headless `--scene FILE` option and hand-written test scenes):
//
//   {"canvas": {"width": 1280, "height": 720}, "background": "#101018",
//    "layers": [{"id": "bg", "type": "color", "color": "#203040", "width": 1280, "height": 720},
//               {"id": "logo", "type": "image", "path": "logo.png", "x": 40, "y": 40,
//                "scale": 0.5, "rotation": 0, "anchor_x": 0, "anchor_y": 0, "opacity": 1,
//                "visible": true, "crop": {"left": 0, "top": 0, "right": 0, "bottom": 0}},
//               {"type": "text", "text": "Day 3", "font": "DejaVu Sans", "size": 48,
//                "color": "#fff", "outline_color": "#000", "outline_width": 2,
//                "shadow_color": "#80000000", "shadow_x": 3, "shadow_y": 3},
//               {"type": "video", "path": "clip.mp4"}]}
//
// Layers are listed bottom first. Relative paths resolve against the JSON file's folder. Every
// error names the layer and the key; unknown keys are errors too (they are usually typos).

#include "Scene.h"

#include <QDir>
#include <QSize>
#include <QString>

#include <optional>

namespace sb::render {

struct SceneDescription
{
    QSize canvas{1280, 720};
    Scene scene;
};

class SceneJson
{
public:
    static std::optional<SceneDescription> load(const QString& path, QString* error);
    static std::optional<SceneDescription> parse(const QByteArray& json, const QDir& baseDir,
                                                 QString* error);
};

} // namespace sb::render
