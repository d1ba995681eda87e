# The Scenes, Sources and Properties docks driven as a user would, against a SceneCollection.
sb_add_test(tst_scenedocks SOURCES tst_scenedocks.cpp LIBS sb_app)
