/* Placeholder so the extract stage library has a source until its code lands. */
typedef int onr_extract_placeholder;
