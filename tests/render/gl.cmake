# GL suites: need a real OpenGL context, so an X server (xvfb-run) and the xcb platform.
sb_add_test(tst_compositor SOURCES tst_compositor.cpp LIBS sb_render sb_common)
set_tests_properties(tst_compositor PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=xcb;QT_LOGGING_RULES=sb.*.warning=false"
    LABELS "unit;gl")

foreach(suite tst_redraw tst_colorconverter tst_programpreview)
    sb_add_test(${suite} SOURCES ${suite}.cpp LIBS sb_render)
    set_tests_properties(${suite} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=xcb;QT_LOGGING_RULES=sb.*.warning=false"
        LABELS "unit;gl")
endforeach()
