<?php
/**
 * Every text the plugin shows, German first, English second: the one home for the plugin's wording. (The check
 * itself brings its own texts in app/.)
 *
 * @package Checkwerk
 */

defined( 'ABSPATH' ) || exit;

/**
 * The plugin's language for a WordPress locale: German for every German locale, English for all others.
 *
 * @param string $locale A WordPress locale such as de_DE, de_DE_formal, de_CH or en_US.
 * @return string "de" or "en".
 */
function checkwerk_language_of( $locale ) {
	return 0 === strpos( (string) $locale, 'de' ) ? 'de' : 'en';
}

/**
 * Every text by key, as array( German, English ).
 *
 * @return array<string, array{0: string, 1: string}>
 */
function checkwerk_texts() {
	return array(
		// Block editor.
		'block_title'        => array( 'Checkwerk-Check', 'Checkwerk check' ),
		'block_description'  => array(
			'Ein Selbst-Check für Betriebe, direkt auf dieser Seite. Die Antworten bleiben im Browser der Besucher.',
			'A self-assessment check for businesses, right on this page. Answers stay in the visitor’s browser.',
		),
		'which_check'        => array( 'Welcher Check?', 'Which check?' ),
		'all_checks'         => array( 'Alle Checks zur Auswahl', 'All checks to choose from' ),
		'all_checks_preview' => array(
			'Besucher sehen die Liste aller Checks und wählen selbst.',
			'Visitors see the list of all checks and choose one.',
		),
		'preview_note'       => array(
			'Vorschau: Auf der veröffentlichten Seite erscheint hier der Check. Antworten bleiben im Browser der Besucher und werden nicht übertragen.',
			'Preview: the published page shows the check here. Answers stay in the visitor’s browser and are not transmitted.',
		),
		'modules_one'        => array( '1 Baustein', '1 module' ),
		'modules_many'       => array( '%s Bausteine', '%s modules' ),
		'items_one'          => array( 'mit 1 Check-Punkt', 'with 1 item' ),
		'items_many'         => array( 'mit %s Check-Punkten', 'with %s items' ),
		'unknown_option'     => array( '„%s“ (in dieser Version nicht enthalten)', '“%s” (not in this version)' ),
		'panel_display'      => array( 'Darstellung', 'Display' ),
		'language'           => array( 'Sprache', 'Language' ),
		'language_site'      => array( 'Wie die Website', 'Same as the website' ),
		'language_de'        => array( 'Deutsch', 'German' ),
		'language_en'        => array( 'Englisch', 'English' ),
		'single'             => array( 'Nur diesen Check zeigen', 'Show this check only' ),
		'single_help'        => array(
			'Besucher kommen nicht zur Liste der anderen Checks.',
			'Visitors cannot go to the list of the other checks.',
		),
		'accent'             => array( 'Akzentfarbe', 'Accent colour' ),
		'colour_green'       => array( 'Grün', 'Green' ),
		'colour_teal'        => array( 'Petrol', 'Teal' ),
		'colour_violet'      => array( 'Violett', 'Violet' ),
		'colour_red'         => array( 'Rot', 'Red' ),
		'colour_anthracite'  => array( 'Anthrazit', 'Anthracite' ),
		'height'             => array( 'Feste Höhe in Pixeln', 'Fixed height in pixels' ),
		'height_help'        => array(
			'Leer lassen: Der Rahmen wächst mit dem Inhalt. Mit fester Höhe blättern Besucher im Rahmen.',
			'Leave empty: the frame grows with its content. With a fixed height visitors scroll inside the frame.',
		),
		'frame_title'        => array( 'Titel für Screenreader', 'Title for screen readers' ),
		'frame_title_help'   => array(
			'Leer lassen für „Checkwerk – Name des Checks“.',
			'Leave empty for “Checkwerk – name of the check”.',
		),

		// Notices for editors, on the page and in the editor.
		'unknown_check'      => array(
			'Checkwerk: Den Check „%1$s“ gibt es in dieser Version des Plugins nicht. Besucher sehen an dieser Stelle nichts. Verfügbare Kennungen: %2$s.',
			'Checkwerk: this version of the plugin has no check “%1$s”. Visitors see nothing here. Available ids: %2$s.',
		),
		'bad_accent'         => array(
			'Checkwerk: Die Akzentfarbe „%s“ ist keine Hex-Farbe wie #0a6e4f; der Check erscheint in seinen eigenen Farben.',
			'Checkwerk: the accent colour “%s” is not a hex colour such as #0a6e4f; the check shows in its own colours.',
		),
		'bad_language'       => array(
			'Checkwerk: Die Sprache „%s“ gibt es nicht (möglich: de, en); der Check erscheint in der Sprache der Website.',
			'Checkwerk: there is no language “%s” (possible: de, en); the check shows in the website’s language.',
		),
		'bad_height'         => array(
			'Checkwerk: Die Höhe „%s“ ist keine Zahl zwischen 300 und 5000 Pixeln; der Rahmen wächst mit dem Inhalt.',
			'Checkwerk: the height “%s” is not a number between 300 and 5000 pixels; the frame grows with its content.',
		),
		'single_needs_check' => array(
			'Checkwerk: „Nur diesen Check zeigen“ braucht einen Check; ohne ihn zeigt der Rahmen die Liste aller Checks.',
			'Checkwerk: “Show this check only” needs a check; without one the frame shows the list of all checks.',
		),
		'notice_for_editors' => array( 'Nur für Redakteure sichtbar.', 'Visible to editors only.' ),
		'no_app'             => array(
			'Checkwerk: Diesem Plugin fehlt die App. Installieren Sie die Datei checkwerk.zip, nicht den Ordner mit den Quelltexten.',
			'Checkwerk: this plugin lacks its app. Install checkwerk.zip, not the folder with the sources.',
		),

		// Visitors.
		'frame_title_check'  => array( 'Checkwerk – %s', 'Checkwerk – %s' ),
		'frame_title_list'   => array( 'Checkwerk – Selbst-Checks für den Mittelstand', 'Checkwerk – self-assessment checks for businesses' ),
	);
}

/**
 * A text in a language.
 *
 * @param string $key      The text's key in checkwerk_texts().
 * @param string $language "de" or "en".
 * @return string
 */
function checkwerk_text( $key, $language ) {
	$texts = checkwerk_texts();
	if ( ! isset( $texts[ $key ] ) ) {
		return $key;
	}
	return 'de' === $language ? $texts[ $key ][0] : $texts[ $key ][1];
}

/**
 * A text in the language of the signed-in user (for editors).
 *
 * @param string $key The text's key in checkwerk_texts().
 * @return string
 */
function checkwerk_editor_text( $key ) {
	return checkwerk_text( $key, checkwerk_language_of( get_user_locale() ) );
}
