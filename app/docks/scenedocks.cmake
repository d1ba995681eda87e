# The scene-editing docks: scenes, sources and the selected source's properties.
list(APPEND SB_APP_SOURCES
    docks/ScenesDock.cpp docks/ScenesDock.h
    docks/SourcesDock.cpp docks/SourcesDock.h
    docks/PropertiesDock.cpp docks/PropertiesDock.h
)
