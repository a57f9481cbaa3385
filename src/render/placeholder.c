/* Placeholder so the render stage library has a source until its code lands. */
typedef int onr_render_placeholder;
