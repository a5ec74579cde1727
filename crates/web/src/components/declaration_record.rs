//! The record of a self-declaration: what a company signs and a reviewer reads, on screen and on A4.
//!
//! Above the record (not printed) the company's details, the date of the declaration, whether the signed state is
//! still the current one, the downloads and a field to compare a fingerprint from paper. The record itself is what
//! the core's [`Record`] holds, in its order; its fingerprint is computed by the core. It appears once every part
//! is ready and the date is chosen: before that there is nothing settled to sign.

use checkwerk_core::declaration::{
    renewal, CompanyField, Record, RecordCompany, Renewal, RenewalState,
};
use checkwerk_core::export::{reminder_ics, Reminder};
use checkwerk_core::fingerprint::{canonical_text, fingerprint, Comparison, Fingerprint};
use checkwerk_core::readiness::readiness;
use checkwerk_core::run::DeclarationEntry;
use checkwerk_core::{Catalog, Date, Declaration, Language, Run};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::clock::{now, today};
use crate::components::attribution::AttributionLine;
use crate::components::download::{download_run, download_runs, download_text};
use crate::components::evidence::EvidenceRef;
use crate::components::qr_code::QrCodeImage;
use crate::i18n::declaration::{self as words, Words};
use crate::i18n::evidence::EvidenceText;
use crate::i18n::pages::PageText;
use crate::i18n::{self, module_heading, Text};
use crate::state::companies::set_record_field;
use crate::state::{Notices, Runs, UiLanguage};

/// One check's part of a declaration: the catalog and its entry for the declaration.
pub type Part = (&'static Catalog, &'static Declaration);

fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Everything the record and its tools show, computed at once from the active runs of the parts.
#[derive(Debug, Clone, PartialEq)]
struct RecordState {
    /// Whether every part has a run that meets its rules.
    ready: bool,
    /// The company of the first part's run (all parts are the same company's).
    company: RecordCompany,
    /// The declaration's entry in the first part's run: its date and what was signed.
    entry: DeclarationEntry,
    /// The record, once every part is ready and the date is valid.
    record: Option<Record>,
    /// Its fingerprint.
    print: Option<Fingerprint>,
    /// When the signed declaration must be renewed.
    renewal: Option<Renewal>,
}

fn record_state(
    declaration: &Declaration,
    parts: &[Part],
    runs: &[Option<Run>],
    company: RecordCompany,
) -> RecordState {
    let first = runs.iter().flatten().next();
    let entry = first
        .and_then(|run| run.declaration(&declaration.id).cloned())
        .unwrap_or_default();
    let ready = parts.iter().zip(runs).all(|((catalog, part), run)| {
        run.as_ref()
            .is_some_and(|run| readiness(catalog, part, run).is_ready())
    });
    let pairs: Vec<(&Catalog, &Run)> = parts
        .iter()
        .zip(runs)
        .filter_map(|((catalog, _), run)| run.as_ref().map(|run| (*catalog, run)))
        .collect();
    let record = Date::parse_iso(&entry.date)
        .filter(|_| ready)
        .map(|date| Record::new(declaration, &pairs, &company, date));
    RecordState {
        ready,
        print: record.as_ref().map(fingerprint),
        record,
        renewal: renewal(declaration, &entry, today()),
        company,
        entry,
    }
}

/// The record of a declaration over the active runs of its parts, with what it takes to prepare and sign it.
#[component]
pub fn DeclarationRecord(
    /// The declaration: the check's own, or for a joint declaration any part's (they agree on title, validity and
    /// address).
    declaration: &'static Declaration,
    /// Each check with its part of the declaration, ordered by catalog id; one for a declaration of one check.
    parts: Vec<Part>,
    /// The page that lists what is still missing.
    readiness_href: String,
) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let notices = expect_context::<Notices>();
    let language = expect_context::<UiLanguage>().0;
    let catalogs: Vec<&'static Catalog> = parts.iter().map(|(catalog, _)| *catalog).collect();
    let catalogs = StoredValue::new(catalogs);
    let parts = StoredValue::new(parts);
    let readiness_href = StoredValue::new(readiness_href);

    let state = Memo::new(move |_| {
        let active: Vec<Option<Run>> = catalogs.with_value(|catalogs| {
            catalogs
                .iter()
                .map(|catalog| runs.with_active(&catalog.id, |run| run.cloned()))
                .collect()
        });
        let company = active
            .iter()
            .flatten()
            .next()
            .map(|run| runs.companies.record_company(run))
            .unwrap_or_default();
        parts.with_value(|parts| record_state(declaration, parts, &active, company))
    });
    let active_runs = move || {
        catalogs.with_value(|catalogs| {
            catalogs
                .iter()
                .filter_map(|catalog| runs.with_active_untracked(&catalog.id, |run| run.cloned()))
                .collect::<Vec<Run>>()
        })
    };
    // Every part keeps the same company and date, so a declaration over several checks reads alike from each.
    let edit_all = move |edit: &dyn Fn(&mut Run, checkwerk_core::Timestamp)| {
        catalogs.with_value(|catalogs| {
            for catalog in catalogs {
                runs.edit_active(catalog, edit);
            }
        });
    };
    let set_date = move |value: String| {
        edit_all(&|run, now| run.set_declaration_date(&declaration.id, value.clone(), now));
    };
    let act = move |action: Action| {
        let language = language.get_untracked();
        match action {
            Action::Sign => {
                let Some(print) = state.with_untracked(|state| state.print) else {
                    return;
                };
                edit_all(&|run, now| run.sign_declaration(&declaration.id, print.hex(), now));
                notices.show(Words::MarkedSigned.get(language).to_owned(), None);
            }
            Action::Export => {
                let present = active_runs();
                match (
                    present.as_slice(),
                    catalogs.with_value(|c| c.first().copied()),
                ) {
                    ([run], Some(catalog)) => runs.with_run_and_company(&run.id, |found| {
                        download_run(catalog, run, found.and_then(|(_, company)| company))
                    }),
                    _ => {
                        let company = present.first().and_then(|run| {
                            runs.companies
                                .snapshot()
                                .into_iter()
                                .find(|company| company.id == run.company_id)
                        });
                        download_runs(
                            &format!("checkwerk-{}.json", declaration.id),
                            &present,
                            company.as_ref(),
                        )
                    }
                };
            }
            Action::Canonical => state.with_untracked(|state| {
                if let Some(record) = &state.record {
                    let name = format!(
                        "selbsterklaerung-{}-{}.txt",
                        declaration.id,
                        record.date.iso()
                    );
                    download_text(&name, "text/plain;charset=utf-8", &canonical_text(record));
                }
            }),
            Action::Reminder => {
                let Some(renewal) = state.with_untracked(|state| state.renewal) else {
                    return;
                };
                let checks: Vec<String> = catalogs.with_value(|catalogs| {
                    catalogs
                        .iter()
                        .map(|catalog| catalog.title.clone())
                        .collect()
                });
                let run_id = active_runs()
                    .first()
                    .map(|run| run.id.clone())
                    .unwrap_or_default();
                let uid = format!("erneuerung-{}-{run_id}", declaration.id);
                let summary = words::renewal_summary(language, &declaration.title);
                let description = words::renewal_description(
                    language,
                    &declaration.title,
                    &checks.join(", "),
                    &renewal.signed_on.german(),
                    &renewal.valid_until.german(),
                    &declaration.url,
                );
                let reminder = Reminder {
                    uid: &uid,
                    date: renewal.renew_from,
                    summary: &summary,
                    description: &description,
                };
                download_text(
                    &format!("erneuerung-{}.ics", declaration.id),
                    "text/calendar;charset=utf-8",
                    &reminder_ics(&reminder, now()),
                );
            }
        }
    };
    let typed = RwSignal::new(String::new());

    // The inputs are built once per language, so that typing never rebuilds the field being typed in.
    let form = move || {
        let language = language.get();
        let field = move |id: &'static str, field: CompanyField| {
            let value = move || state.with(|state| field.value_in(&state.company).to_owned());
            let on_input = move |event: leptos::ev::Event| {
                let value = event_target_value(&event);
                catalogs.with_value(|catalogs| set_record_field(runs, catalogs, field, value));
            };
            let input = if field == CompanyField::Address {
                view! { <textarea id=id rows="3" autocomplete="street-address" prop:value=value on:input=on_input></textarea> }.into_any()
            } else {
                view! { <input id=id type="text" autocomplete=if field == CompanyField::Name { "organization" } else { "off" } prop:value=value on:input=on_input/> }.into_any()
            };
            view! {
                <div class="field">
                    <label for=id>{words::company_field(language, field)}</label>
                    {input}
                    {(field == CompanyField::Size).then(|| view! { <p class="hint">{Words::SizeHint.get(language)}</p> })}
                </div>
            }
        };
        view! {
            <fieldset class="record-form">
                <legend>{Words::FormLegend.get(language)}</legend>
                {field("erklaerung-firma", CompanyField::Name)}
                {field("erklaerung-anschrift", CompanyField::Address)}
                {field("erklaerung-groesse", CompanyField::Size)}
                {field("erklaerung-branche", CompanyField::Sector)}
                <div class="field">
                    <label for="erklaerung-datum">{Words::DeclarationDate.get(language)}</label>
                    <div class="date-row">
                        <input id="erklaerung-datum" type="date"
                            prop:value=move || state.with(|state| state.entry.date.clone())
                            on:change=move |event| set_date(event_target_value(&event))/>
                        <button type="button" class="button secondary small" on:click=move |_| set_date(today().iso())>
                            {Words::Today.get(language)}
                        </button>
                    </div>
                </div>
            </fieldset>
        }
    };
    // Built once per language too; only its result follows what is typed.
    let compare = move || {
        let language = language.get();
        let result = move || {
            let current = state.with(|state| state.print)?;
            Some(match typed.with(|typed| current.compare(typed)) {
                Comparison::Matches => format!("✓ {}", Words::CompareMatch.get(language)),
                Comparison::Differs => format!("✗ {}", Words::CompareMismatch.get(language)),
                Comparison::Nothing | Comparison::TooShort => String::new(),
            })
        };
        view! {
            <div class="field compare">
                <label for="fingerabdruck-vergleichen">{Words::CompareHeading.get(language)}</label>
                <p class="hint" id="fingerabdruck-vergleichen-hinweis">{Words::CompareHint.get(language)}</p>
                <input id="fingerabdruck-vergleichen" type="text" autocomplete="off" spellcheck="false"
                    aria-describedby="fingerabdruck-vergleichen-hinweis"
                    prop:value=move || typed.get() on:input=move |event| typed.set(event_target_value(&event))/>
                <p role="status" class="compare-result">{result}</p>
            </div>
        }
    };
    let status = move || {
        let language = language.get();
        state.with(|state| {
            status_view(
                language,
                declaration,
                state,
                &readiness_href.get_value(),
                act,
            )
        })
    };
    let body = move || {
        let language = language.get();
        state.with(|state| match (&state.record, state.print) {
            (Some(record), Some(current)) => parts
                .with_value(|parts| record_body(language, parts, record, current))
                .into_any(),
            _ if state.ready => {
                view! { <p class="empty">{Words::NoRecordWithoutDate.get(language)}</p> }.into_any()
            }
            _ => ().into_any(),
        })
    };
    // The short fingerprint at the foot of every printed page, and the page count: the print style sheet's page
    // margins show these properties of the root element, which only this page sets.
    Effect::new(move |_| {
        let language = language.get();
        let footer = state.with(|state| {
            state.print.map(|print| {
                let name = if state.company.name.trim().is_empty() {
                    "–".to_owned()
                } else {
                    state.company.name.clone()
                };
                words::running_footer(language, &declaration.title, &name, &print.short())
            })
        });
        set_print_margins(footer.map(|footer| (footer, words::page_of(language))));
    });
    on_cleanup(|| set_print_margins(None));
    let head = move || {
        let language = language.get();
        parts.with_value(|parts| head_view(language, declaration, parts))
    };

    view! {
        <article class="page record">
            {head}
            <section class="record-tools no-print" aria-labelledby="erklaerung-vorbereiten">
                <h2 id="erklaerung-vorbereiten">{move || Words::RecordTools.get(language.get())}</h2>
                {form}
                {status}
                {compare}
            </section>
            {body}
        </article>
    }
}

/// What the record page's buttons do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    /// Record the current state as signed.
    Sign,
    /// Download the run (or the runs of all parts) for the review.
    Export,
    /// Download the canonical text the fingerprint is the hash of.
    Canonical,
    /// Download the renewal reminder.
    Reminder,
}

/// The record's heading: the declaration, the checks it is made with, where they come from, and that it is no
/// official form.
fn head_view(
    language: Language,
    declaration: &'static Declaration,
    parts: &[Part],
) -> impl IntoView {
    let standards: Vec<&str> = parts
        .iter()
        .map(|(catalog, _)| catalog.standard.as_str())
        .filter(|standard| !standard.is_empty())
        .collect();
    let bases = parts
        .iter()
        .map(|(catalog, part)| {
            let basis = words::record_basis(
                language,
                &catalog.title,
                &catalog.standard,
                &catalog.version,
                &part.part,
            );
            view! {
                <p class="record-basis">{basis}</p>
                <AttributionLine catalog=*catalog/>
            }
        })
        .collect_view();
    view! {
        <header class="record-head">
            <p class="card-standard">{standards.join(" · ")}</p>
            <h1>{Words::RecordHeading.get(language)} " " <span class="record-title">{words::record_subheading(language, &declaration.title)}</span></h1>
            {bases}
            <p class="hint">{words::not_an_official_form(language, &declaration.url)}</p>
        </header>
    }
}

/// What is missing, whether the current state is the signed one, validity, the buttons, and the comparison's result.
fn status_view(
    language: Language,
    declaration: &'static Declaration,
    state: &RecordState,
    readiness_href: &str,
    act: impl Fn(Action) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let missing = state.company.missing();
    let not_ready = (!state.ready).then(|| {
        view! {
            <p class="verdict missing">
                {Words::NotReadyForRecord.get(language)} " "
                <A href=crate::page_config::app_href(readiness_href)>{Words::WhatIsMissing.get(language)}</A>
            </p>
        }
    });
    let no_date = (Date::parse_iso(&state.entry.date).is_none())
        .then(|| view! { <p class="hint">{Words::NoDateYet.get(language)}</p> });
    let company_missing = (!missing.is_empty()).then(
        || view! { <p class="hint warning">{words::company_missing(language, &missing)}</p> },
    );
    let signing = state.print.map(|current| {
        let signed = state.entry.signed.as_ref();
        let signed_date = |date: &str| Date::parse_iso(date).map_or_else(|| date.to_owned(), Date::german);
        let (class, text) = match signed {
            None => ("signed-status", Words::NotSignedYet.get(language).to_owned()),
            Some(signed) if signed.fingerprint == current.hex() => {
                ("signed-status verdict ready", words::signed_same(language, &signed_date(&signed.date)))
            }
            Some(signed) => (
                "signed-status verdict missing",
                words::signed_changed(language, &signed_date(&signed.date), &signed_short(&signed.fingerprint)),
            ),
        };
        let signed_now = signed.is_some_and(|signed| signed.fingerprint == current.hex());
        let sign_label = if signed.is_some() { Words::MarkSignedAgain } else { Words::MarkSigned };
        let can_sign = !signed_now && missing.is_empty();
        let renewal = state.renewal.map(|renewal| {
            let until = renewal.valid_until.german();
            let warning = match renewal.state {
                RenewalState::Valid => None,
                RenewalState::DueSoon => Some(words::expires_soon(language, &declaration.title, &until)),
                RenewalState::Expired => Some(words::expired(language, &declaration.title, &until)),
            };
            view! {
                <p class="renewal">{words::valid_until_line(language, &until, &renewal.renew_from.german())}</p>
                {warning.map(|warning| view! { <p class="verdict missing">{warning}</p> })}
            }
        });
        let reminder = state.renewal.map(|renewal| {
            view! {
                <button type="button" class="button secondary" on:click=move |_| act(Action::Reminder)>
                    {words::renewal_button(language, &renewal.renew_from.german())}
                </button>
            }
        });
        view! {
            <p class=class>{text}</p>
            {renewal}
            <div class="toolbar">
                <button type="button" class="button" on:click=|_| print_page()>{PageText::Print.get(language)}</button>
                {can_sign.then(|| view! {
                    <button type="button" class="button secondary" on:click=move |_| act(Action::Sign)>{sign_label.get(language)}</button>
                })}
                <button type="button" class="button secondary" on:click=move |_| act(Action::Export)>{Words::ExportForReview.get(language)}</button>
                <button type="button" class="button secondary" on:click=move |_| act(Action::Canonical)>{Words::DownloadCanonical.get(language)}</button>
                {reminder}
            </div>
        }
    });
    view! {
        <div role="status" class="record-status">
            {not_ready}
            {no_date}
            {company_missing}
        </div>
        {signing}
    }
}

/// The custom properties the print style sheet's page margins show: the running footer and the words around the page
/// count (`None` removes them, so other pages print without).
fn set_print_margins(texts: Option<(String, (&'static str, &'static str))>) {
    use wasm_bindgen::JsCast;
    let Some(style) = document()
        .document_element()
        .and_then(|root| root.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|root| root.style())
    else {
        return;
    };
    let properties = ["--record-footer", "--record-page", "--record-page-of"];
    match texts {
        Some((footer, (page, of))) => {
            for (property, text) in properties.into_iter().zip([footer.as_str(), page, of]) {
                let _ = style.set_property(property, &css_string(text));
            }
        }
        None => {
            for property in properties {
                let _ = style.remove_property(property);
            }
        }
    }
}

/// A text as a CSS string: quoted, with quotes and backslashes escaped and line breaks made spaces.
fn css_string(text: &str) -> String {
    let mut out = String::from('"');
    for character in text.chars() {
        match character {
            '"' | '\\' => {
                out.push('\\');
                out.push(character);
            }
            control if control.is_control() => out.push(' '),
            other => out.push(other),
        }
    }
    out.push('"');
    out
}

/// The short form of a stored fingerprint, as the page shows it.
fn signed_short(hex: &str) -> String {
    let digits: String = hex
        .chars()
        .take(checkwerk_core::fingerprint::SHORT_DIGITS)
        .collect();
    digits
        .as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The printed record: company, dates, statement, every item's rating, every measure, signature lines and the
/// fingerprint.
fn record_body(
    language: Language,
    parts: &[Part],
    record: &Record,
    current: Fingerprint,
) -> impl IntoView {
    let company = record.company.clone();
    let or_dash = |text: &str| {
        if text.is_empty() {
            "–".to_owned()
        } else {
            text.to_owned()
        }
    };
    let measure_count: usize = record.parts.iter().map(|part| part.measures.len()).sum();
    let every_item_rated = parts.iter().all(|(_, part)| part.every_item_rated);
    let sections = record
        .parts
        .iter()
        .filter_map(|part| {
            let (catalog, entry) = parts
                .iter()
                .find(|(catalog, _)| catalog.id == part.catalog_id)?;
            Some(part_sections(
                language,
                catalog,
                entry,
                part,
                record.parts.len() > 1,
            ))
        })
        .collect_view();
    let qr_text = format!("sha256:{}", current.hex());
    view! {
        <dl class="cover-facts record-facts">
            <dt>{Text::CompanyName.get(language)}</dt><dd>{or_dash(&company.name)}</dd>
            <dt>{Words::Address.get(language)}</dt><dd class="pre-wrap">{or_dash(&company.address)}</dd>
            <dt>{Words::Size.get(language)}</dt><dd>{or_dash(&company.size)}</dd>
            <dt>{Words::Sector.get(language)}</dt><dd>{or_dash(&company.sector)}</dd>
            <dt>{Words::DeclarationDate.get(language)}</dt><dd>{record.date.german()}</dd>
            <dt>{Words::ValidUntil.get(language)}</dt><dd>{record.valid_until.german()}</dd>
        </dl>
        <p class="record-statement">{words::statement(language, parts.len(), measure_count, every_item_rated)}</p>
        {sections}
        <section class="record-signature">
            <h2>{Words::Signature.get(language)}</h2>
            <div class="signature-lines">
                <p class="signature-line">{Words::PlaceAndDate.get(language)}</p>
                <p class="signature-line">{Words::SignatureLine.get(language)}</p>
                <p class="signature-line">{Words::NameInCapitals.get(language)}</p>
            </div>
        </section>
        <section class="record-fingerprint" aria-labelledby="fingerabdruck">
            <h2 id="fingerabdruck">{Words::FingerprintHeading.get(language)}</h2>
            <div class="fingerprint-box">
                <QrCodeImage
                    text=Signal::stored(qr_text)
                    label=Signal::stored(Words::QrLabel.get(language).to_owned())
                    too_long=Signal::stored(Words::QrTooLong.get(language).to_owned())
                />
                <p class="fingerprint-full"><code>{current.grouped()}</code></p>
            </div>
            <p>{Words::FingerprintProves.get(language)}</p>
            <p>{Words::FingerprintDoesNotProve.get(language)}</p>
            <p class="hint">{Words::FingerprintRecompute.get(language)}</p>
        </section>
    }
}

/// One check's items and measures in the record.
fn part_sections(
    language: Language,
    catalog: &'static Catalog,
    entry: &Declaration,
    part: &checkwerk_core::declaration::RecordPart,
    several: bool,
) -> impl IntoView {
    let suffix = if several {
        format!(" – {}", entry.part)
    } else {
        String::new()
    };
    let items = catalog
        .modules
        .iter()
        .map(|module| {
            let rows = module
                .items
                .iter()
                .map(|item| {
                    let answer = part
                        .items
                        .iter()
                        .find(|record_item| record_item.id == item.id);
                    let scale = catalog.scale_for(module, item);
                    let rating = answer
                        .and_then(|answer| answer.choice.as_deref())
                        .and_then(|key| scale.and_then(|scale| scale.choice_label(key)))
                        .map(str::to_owned)
                        .unwrap_or_else(|| Words::Unrated.get(language).to_owned());
                    let priority = answer
                        .and_then(|answer| answer.priority)
                        .and_then(|value| scale.and_then(|scale| scale.priority_label(value)))
                        .map(|label| format!(" · {label}"));
                    let evidence = answer
                        .map(|answer| answer.evidence.clone())
                        .filter(|evidence| !evidence.is_empty())
                        .map(|evidence| view! {
                            <span class="report-evidence">{EvidenceText::Prefix.get(language)} ": " <EvidenceRef evidence/></span>
                        });
                    view! {
                        <tr>
                            <td>{item.number.clone()}</td>
                            <td>{item.statement.clone()}</td>
                            <td>{rating}{priority}{evidence}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <h3>{module_heading(language, &module.number, &module.title)}</h3>
                <table class="report-table answers">
                    <thead><tr>
                        <th scope="col">{PageText::Number.get(language)}</th>
                        <th scope="col">{PageText::Statement.get(language)}</th>
                        <th scope="col">{PageText::Rating.get(language)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
        .collect_view();
    let measures = part
        .measures
        .iter()
        .enumerate()
        .map(|(index, measure)| {
            let numbers: Vec<String> = measure
                .item_ids
                .iter()
                .map(|id| {
                    catalog
                        .item(id)
                        .map_or_else(|| id.clone(), |(_, item)| item.number.clone())
                })
                .collect();
            let due = Date::parse_iso(&measure.due).map_or_else(|| measure.due.clone(), Date::german);
            view! {
                <tr>
                    <td>{index + 1}</td>
                    <td class="pre-wrap">{measure.title.clone()}</td>
                    <td>{words::item_numbers(&numbers)}</td>
                    <td>{measure.urgency.map(|urgency| i18n::plan::urgency(language, urgency)).unwrap_or("–")}</td>
                    <td>{measure.responsible.clone()}</td>
                    <td>{due}</td>
                    <td class="pre-wrap">{measure.control.clone()}</td>
                    <td>{i18n::plan::status(language, measure.status)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="record-section">
            <h2>{Words::ItemsAndRatings.get(language)}{suffix.clone()}</h2>
            {items}
        </section>
        <section class="record-section">
            <h2>{Words::Measures.get(language)}{suffix.clone()}</h2>
            <div class="table-scroll" role="region" tabindex="0" aria-label=format!("{}{suffix}", Words::Measures.get(language))>
                <table class="report-table measures-table">
                    <thead><tr>
                        <th scope="col">{PageText::Number.get(language)}</th>
                        <th scope="col">{PageText::MeasureTitle.get(language)}</th>
                        <th scope="col">{PageText::MeasureItems.get(language)}</th>
                        <th scope="col">{PageText::Urgency.get(language)}</th>
                        <th scope="col">{PageText::Responsible.get(language)}</th>
                        <th scope="col">{PageText::DueDate.get(language)}</th>
                        <th scope="col">{PageText::Control.get(language)}</th>
                        <th scope="col">{PageText::Status.get(language)}</th>
                    </tr></thead>
                    <tbody>{measures}</tbody>
                </table>
            </div>
        </section>
    }
}

/// What a record's page shows when its address names no declaration this site has, and why.
#[component]
pub fn MissingDeclaration(explanation: Words) -> impl IntoView {
    let language = expect_context::<UiLanguage>().0;
    view! {
        <section class="page">
            <h1>{move || Words::RecordHeading.get(language.get())}</h1>
            <p class="lead">{move || explanation.get(language.get())}</p>
        </section>
    }
}
