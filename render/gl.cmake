# OpenGL half of sb_render: context, scene model and layer sources, compositor, transitions,
# GPU colour conversion with asynchronous readback.
list(APPEND SB_RENDER_SOURCES
    RenderContext.cpp RenderContext.h
    Layer.cpp Layer.h
    LayerSource.cpp LayerSource.h
    SolidColorSource.cpp SolidColorSource.h
    ImageSource.cpp ImageSource.h
    TextSource.cpp TextSource.h
    PaintedSource.cpp PaintedSource.h
    VideoFileSource.cpp VideoFileSource.h
    Scene.cpp Scene.h
    SceneJson.cpp SceneJson.h
    Transition.cpp Transition.h
    Compositor.cpp Compositor.h
    ColorConverter.cpp ColorConverter.h
)
