# Install rules and the Debian package, made by scripts/package:
#   congkhai_<version>_amd64.deb: /usr/bin/congkhai, /usr/share/congkhai/{themes/default,
#   lunr.min.js,pako_inflate.min.js,portal/}, /usr/share/doc/congkhai/{copyright,README.md}.
# Its dependencies are those dpkg-shlibdeps finds in the binary: Debian's runtime libraries
# (zlib1g among them: the search shards' bytes are those of Debian 12's zlib).
include(GNUInstallDirs)

install(TARGETS congkhai RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CONGKHAI_DEFAULT_THEME_DIR}/ DESTINATION ${CMAKE_INSTALL_DATADIR}/congkhai/themes/default)
install(FILES ${CONGKHAI_LUNR_JS} DESTINATION ${CMAKE_INSTALL_DATADIR}/congkhai)
install(FILES ${CONGKHAI_INFLATE_JS} DESTINATION ${CMAKE_INSTALL_DATADIR}/congkhai RENAME pako_inflate.min.js)
install(DIRECTORY ${CONGKHAI_PORTAL_TEMPLATE_DIR}/ DESTINATION ${CMAKE_INSTALL_DATADIR}/congkhai/portal)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/copyright ${CMAKE_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# `cpack` installs what is built; it must not build the tests first.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME congkhai)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Công khai <congkhai@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "static site generator for the public plans of Vietnam's communes, wards and districts")
set(CPACK_PACKAGE_DESCRIPTION
    "Công khai turns the plans that communes issue for controlling administrative procedures\n\
and running their one-stop shop, with their progress reports, into a fast, searchable static\n\
website with open data. It checks the content and explains every problem in Vietnamese.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RELEASE "")
set(CPACK_STRIP_FILES ON)
include(CPack)
