<?php
/**
 * The block „Checkwerk-Check“: a dynamic block, rendered on the server like the shortcode. Its editor script is
 * plain JavaScript against WordPress' own editor globals, with no build step.
 *
 * @package Checkwerk
 */

defined( 'ABSPATH' ) || exit;

/** The editor texts the block's script needs. */
const CHECKWERK_EDITOR_TEXTS = array(
	'block_title',
	'which_check',
	'all_checks',
	'all_checks_preview',
	'preview_note',
	'modules_one',
	'modules_many',
	'items_one',
	'items_many',
	'unknown_option',
	'unknown_check',
	'panel_display',
	'language',
	'language_site',
	'language_de',
	'language_en',
	'single',
	'single_help',
	'accent',
	'colour_green',
	'colour_teal',
	'colour_violet',
	'colour_red',
	'colour_anthracite',
	'height',
	'height_help',
	'frame_title',
	'frame_title_help',
	'bad_height',
	'no_app',
);

/**
 * Registers the block with its editor script and the list of checks that script offers.
 */
function checkwerk_register_block() {
	wp_register_script(
		'checkwerk-block-editor',
		plugins_url( 'block/editor.js', CHECKWERK_FILE ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components' ),
		checkwerk_asset_version(),
		true
	);
	wp_register_style( 'checkwerk-block-editor', plugins_url( 'block/editor.css', CHECKWERK_FILE ), array(), checkwerk_asset_version() );

	register_block_type(
		CHECKWERK_DIR . 'block',
		array(
			'title'           => checkwerk_editor_text( 'block_title' ),
			'description'     => checkwerk_editor_text( 'block_description' ),
			'render_callback' => 'checkwerk_render_block',
		)
	);
	add_action( 'enqueue_block_editor_assets', 'checkwerk_block_editor_data' );
}

/**
 * Gives the editor script the bundled checks and its texts in the editor's language.
 */
function checkwerk_block_editor_data() {
	$texts = array();
	foreach ( CHECKWERK_EDITOR_TEXTS as $key ) {
		$texts[ $key ] = checkwerk_editor_text( $key );
	}
	$data = array(
		'checks'       => checkwerk_checks(),
		'texts'        => $texts,
		'appAvailable' => is_readable( CHECKWERK_DIR . 'app/index.html' ),
		'minHeight'    => CHECKWERK_MIN_HEIGHT,
		'maxHeight'    => CHECKWERK_MAX_HEIGHT,
	);
	wp_add_inline_script( 'checkwerk-block-editor', 'window.checkwerkBlock = ' . wp_json_encode( $data ) . ';', 'before' );
}

/**
 * Renders the block on the page.
 *
 * @param array<string, mixed> $attributes The block's attributes.
 * @return string
 */
function checkwerk_render_block( $attributes ) {
	return checkwerk_render_widget( $attributes, get_block_wrapper_attributes( array( 'class' => 'checkwerk-widget' ) ) );
}
