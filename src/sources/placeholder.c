/* Placeholder so the sources stage library has a source until its code lands. */
typedef int onr_sources_placeholder;
