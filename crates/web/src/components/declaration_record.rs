//! The record of a self-declaration: what a company signs and a reviewer reads, on screen and on A4.
//!
//! Above the record (not printed) the company's details, the date of the declaration, whether the signed state is
//! still the current one, the downloads and a field to compare a fingerprint from paper. The record itself is what
//! the core's [`Record`] holds, in its order; its fingerprint is computed by the core. It appears once every part
//! is ready and the date is chosen: before that there is nothing settled to sign.

use checkwerk_core::declaration::{renewal, CompanyField, Record, RenewalState};
use checkwerk_core::export::{reminder_ics, Reminder};
use checkwerk_core::fingerprint::{canonical_text, fingerprint, Comparison, Fingerprint};
use checkwerk_core::readiness::readiness;
use checkwerk_core::{Catalog, Date, Declaration, Run};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::clock::{now, today};
use crate::components::attribution::AttributionLine;
use crate::components::download::{download_run, download_runs, download_text};
use crate::components::qr_code::QrCodeImage;
use crate::i18n::declaration::{self as words, Words};
use crate::i18n::{self, module_heading, Text};
use crate::state::company::{record_company, set_company_field};
use crate::state::{Notices, Runs, UiLanguage};

/// One check's part of a declaration: the catalog and its entry for the declaration.
pub type Part = (&'static Catalog, &'static Declaration);

fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
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

    // The active run of each part; the first one's company and date stand for all (they are written to all).
    let part_runs = Memo::new(move |_| {
        catalogs.with_value(|catalogs| {
            catalogs
                .iter()
                .map(|catalog| runs.with_active(&catalog.id, |run| run.cloned()))
                .collect::<Vec<Option<Run>>>()
        })
    });
    let ready = Memo::new(move |_| {
        part_runs.with(|runs| {
            parts.with_value(|parts| {
                parts.iter().zip(runs).all(|((catalog, part), run)| {
                    run.as_ref()
                        .is_some_and(|run| readiness(catalog, part, run).is_ready())
                })
            })
        })
    });
    let company = Memo::new(move |_| {
        part_runs.with(|runs| {
            runs.iter()
                .flatten()
                .next()
                .map(record_company)
                .unwrap_or_default()
        })
    });
    let entry = Memo::new(move |_| {
        part_runs.with(|runs| {
            runs.iter()
                .flatten()
                .next()
                .and_then(|run| run.declaration(&declaration.id).cloned())
                .unwrap_or_default()
        })
    });
    let date = Memo::new(move |_| entry.with(|entry| Date::parse_iso(&entry.date)));
    let record = Memo::new(move |_| {
        let date = date.get()?;
        if !ready.get() {
            return None;
        }
        part_runs.with(|runs| {
            let pairs: Vec<(&Catalog, &Run)> = catalogs.with_value(|catalogs| {
                catalogs
                    .iter()
                    .zip(runs)
                    .filter_map(|(catalog, run)| run.as_ref().map(|run| (*catalog, run)))
                    .collect()
            });
            company.with(|company| Some(Record::new(declaration, &pairs, company, date)))
        })
    });
    let print = Memo::new(move |_| record.with(|record| record.as_ref().map(fingerprint)));

    let write_field = move |field: CompanyField, value: String| {
        catalogs.with_value(|catalogs| set_company_field(runs, catalogs, field, value));
    };
    let set_date = move |value: String| {
        catalogs.with_value(|catalogs| {
            for catalog in catalogs {
                let value = value.clone();
                runs.edit_active(catalog, |run, now| {
                    run.set_declaration_date(&declaration.id, value, now)
                });
            }
        });
    };
    let sign = move |_| {
        let Some(print) = print.get_untracked() else {
            return;
        };
        catalogs.with_value(|catalogs| {
            for catalog in catalogs {
                runs.edit_active(catalog, |run, now| {
                    run.sign_declaration(&declaration.id, print.hex(), now)
                });
            }
        });
        notices.show(
            Words::MarkedSigned.get(language.get_untracked()).to_owned(),
            None,
        );
    };
    let company_missing = Memo::new(move |_| company.with(|company| company.missing()));
    let can_sign = move || print.with(Option::is_some) && company_missing.with(Vec::is_empty);

    let download_canonical = move |_| {
        record.with_untracked(|record| {
            if let Some(record) = record {
                let name = format!(
                    "selbsterklaerung-{}-{}.txt",
                    declaration.id,
                    record.date.iso()
                );
                download_text(&name, "text/plain;charset=utf-8", &canonical_text(record));
            }
        });
    };
    let export_runs = move |_| {
        part_runs.with_untracked(|runs| {
            let present: Vec<Run> = runs.iter().flatten().cloned().collect();
            match (
                present.as_slice(),
                catalogs.with_value(|c| c.first().copied()),
            ) {
                ([run], Some(catalog)) => {
                    download_run(catalog, run);
                }
                _ => {
                    download_runs(&format!("checkwerk-{}.json", declaration.id), &present);
                }
            }
        });
    };
    let renewal_state =
        Memo::new(move |_| entry.with(|entry| renewal(declaration, entry, today())));
    let download_reminder = move |_| {
        let Some(renewal) = renewal_state.get_untracked() else {
            return;
        };
        let language = language.get_untracked();
        let checks: Vec<&str> = catalogs.with_value(|catalogs| {
            catalogs
                .iter()
                .map(|catalog| catalog.title.as_str())
                .collect()
        });
        let run_id = part_runs
            .with_untracked(|runs| runs.iter().flatten().next().map(|run| run.id.clone()))
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
        let calendar = reminder_ics(
            &Reminder {
                uid: &uid,
                date: renewal.renew_from,
                summary: &summary,
                description: &description,
            },
            now(),
        );
        download_text(
            &format!("erneuerung-{}.ics", declaration.id),
            "text/calendar;charset=utf-8",
            &calendar,
        );
    };

    let typed = RwSignal::new(String::new());
    let comparison = Memo::new(move |_| {
        print.with(|print| {
            print
                .as_ref()
                .map(|print| typed.with(|typed| print.compare(typed)))
        })
    });

    let field_input = move |id: &'static str, field: CompanyField, multiline: bool| {
        let value = move || company.with(|company| field.value_in(company).to_owned());
        let label = move || words::company_field(language.get(), field);
        let on_input =
            move |event: leptos::ev::Event| write_field(field, event_target_value(&event));
        let control = if multiline {
            view! { <textarea id=id rows="3" autocomplete="street-address" prop:value=value on:input=on_input></textarea> }.into_any()
        } else {
            let autocomplete = if field == CompanyField::Name {
                "organization"
            } else {
                "off"
            };
            view! { <input id=id type="text" autocomplete=autocomplete prop:value=value on:input=on_input/> }.into_any()
        };
        view! {
            <div class="field">
                <label for=id>{label}</label>
                {control}
                {(field == CompanyField::Size).then(|| view! { <p class="hint">{move || Words::SizeHint.get(language.get())}</p> })}
            </div>
        }
    };

    let standards = move || {
        catalogs.with_value(|catalogs| {
            catalogs
                .iter()
                .map(|catalog| catalog.standard.as_str())
                .filter(|standard| !standard.is_empty())
                .collect::<Vec<_>>()
                .join(" · ")
        })
    };
    let head = view! {
        <header class="record-head">
            <p class="card-standard">{standards}</p>
            <h1>{move || Words::RecordHeading.get(language.get())} " " <span class="record-title">{move || words::record_subheading(language.get(), &declaration.title)}</span></h1>
            {move || parts.with_value(|parts| parts.iter().map(|(catalog, part)| {
                let basis = words::record_basis(language.get(), &catalog.title, &catalog.standard, &catalog.version, &part.part);
                view! {
                    <p class="record-basis">{basis}</p>
                    <AttributionLine catalog=*catalog/>
                }
            }).collect_view())}
            <p class="hint">{move || words::not_an_official_form(language.get(), &declaration.url)}</p>
        </header>
    };

    let tools = view! {
        <section class="record-tools no-print" aria-labelledby="erklaerung-vorbereiten">
            <h2 id="erklaerung-vorbereiten">{move || Words::RecordTools.get(language.get())}</h2>
            {move || (!ready.get()).then(|| view! {
                <p class="verdict missing">
                    {Words::NotReadyForRecord.get(language.get())} " "
                    <A href=crate::page_config::app_href(&readiness_href)>{Words::WhatIsMissing.get(language.get())}</A>
                </p>
            })}
            <fieldset class="record-form">
                <legend>{move || Words::FormLegend.get(language.get())}</legend>
                {field_input("erklaerung-firma", CompanyField::Name, false)}
                {field_input("erklaerung-anschrift", CompanyField::Address, true)}
                {field_input("erklaerung-groesse", CompanyField::Size, false)}
                {field_input("erklaerung-branche", CompanyField::Sector, false)}
                <div class="field">
                    <label for="erklaerung-datum">{move || Words::DeclarationDate.get(language.get())}</label>
                    <div class="date-row">
                        <input id="erklaerung-datum" type="date"
                            prop:value=move || entry.with(|entry| entry.date.clone())
                            on:change=move |event| set_date(event_target_value(&event))/>
                        <button type="button" class="button secondary small" on:click=move |_| set_date(today().iso())>
                            {move || Words::Today.get(language.get())}
                        </button>
                    </div>
                </div>
                {move || date.with(Option::is_none).then(|| view! { <p class="hint">{Words::NoDateYet.get(language.get())}</p> })}
                {move || {
                    let missing = company_missing.get();
                    (!missing.is_empty()).then(|| view! { <p class="hint warning">{words::company_missing(language.get(), &missing)}</p> })
                }}
            </fieldset>
            {move || print.get().map(|current| {
                let language = language.get();
                let signed = entry.with(|entry| entry.signed.clone());
                let status = match signed {
                    None => view! { <p class="signed-status">{Words::NotSignedYet.get(language)}</p> }.into_any(),
                    Some(signed) if signed.fingerprint == current.hex() => view! {
                        <p class="signed-status verdict ready">
                            {words::signed_same(language, &Date::parse_iso(&signed.date).map(Date::german).unwrap_or(signed.date.clone()))}
                        </p>
                    }.into_any(),
                    Some(signed) => {
                        let short = signed_short(&signed.fingerprint);
                        view! {
                            <p class="signed-status verdict missing">
                                {words::signed_changed(language, &Date::parse_iso(&signed.date).map(Date::german).unwrap_or(signed.date.clone()), &short)}
                            </p>
                        }.into_any()
                    }
                };
                let signed_now = entry.with(|entry| entry.signed.as_ref().is_some_and(|signed| signed.fingerprint == current.hex()));
                let sign_label = if entry.with(|entry| entry.signed.is_some()) { Words::MarkSignedAgain } else { Words::MarkSigned };
                view! {
                    <div role="status">{status}</div>
                    {renewal_state.get().map(|renewal| {
                        let line = words::valid_until_line(language, &renewal.valid_until.german(), &renewal.renew_from.german());
                        let warning = match renewal.state {
                            RenewalState::Valid => None,
                            RenewalState::DueSoon => Some(words::expires_soon(language, &declaration.title, &renewal.valid_until.german())),
                            RenewalState::Expired => Some(words::expired(language, &declaration.title, &renewal.valid_until.german())),
                        };
                        view! {
                            <p class="renewal">{line}</p>
                            {warning.map(|warning| view! { <p class="verdict missing">{warning}</p> })}
                        }
                    })}
                    <div class="toolbar">
                        <button type="button" class="button" on:click=|_| print_page()>{Text::Print.get(language)}</button>
                        {(!signed_now && can_sign()).then(|| view! {
                            <button type="button" class="button secondary" on:click=sign>{sign_label.get(language)}</button>
                        })}
                        <button type="button" class="button secondary" on:click=export_runs>{Words::ExportForReview.get(language)}</button>
                        <button type="button" class="button secondary" on:click=download_canonical>{Words::DownloadCanonical.get(language)}</button>
                        {renewal_state.get().map(|renewal| view! {
                            <button type="button" class="button secondary" on:click=download_reminder>
                                {words::renewal_button(language, &renewal.renew_from.german())}
                            </button>
                        })}
                    </div>
                }
            })}
            {move || print.with(Option::is_some).then(|| view! {
                <div class="field compare">
                    <label for="fingerabdruck-vergleichen">{Words::CompareHeading.get(language.get())}</label>
                    <p class="hint" id="fingerabdruck-vergleichen-hinweis">{Words::CompareHint.get(language.get())}</p>
                    <input id="fingerabdruck-vergleichen" type="text" autocomplete="off" spellcheck="false"
                        aria-describedby="fingerabdruck-vergleichen-hinweis"
                        prop:value=move || typed.get() on:input=move |event| typed.set(event_target_value(&event))/>
                    <p role="status" class="compare-result">{move || match comparison.get() {
                        Some(Comparison::Matches) => view! { <span class="ok">"✓ " {Words::CompareMatch.get(language.get())}</span> }.into_any(),
                        Some(Comparison::Differs) => view! { <span class="bad">"✗ " {Words::CompareMismatch.get(language.get())}</span> }.into_any(),
                        _ => ().into_any(),
                    }}</p>
                </div>
            })}
        </section>
    };

    let body = move || {
        let language = language.get();
        match (record.get(), print.get()) {
            (Some(record), Some(current)) => parts.with_value(|parts| {
                record_body(language, declaration, parts, &record, current).into_any()
            }),
            _ if ready.get() => {
                view! { <p class="empty">{Words::NoRecordWithoutDate.get(language)}</p> }.into_any()
            }
            _ => ().into_any(),
        }
    };

    view! {
        <article class="page record">
            {head}
            {tools}
            {body}
        </article>
    }
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
    language: checkwerk_core::Language,
    declaration: &'static Declaration,
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
    let checks: Vec<&str> = parts
        .iter()
        .map(|(catalog, _)| catalog.title.as_str())
        .collect();
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
    let footer = words::running_footer(
        language,
        &declaration.title,
        &or_dash(&company.name),
        &current.short(),
    );
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
        <p class="record-statement">{words::statement(language, &checks, measure_count, every_item_rated)}</p>
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
        <p class="record-running-footer" aria-hidden="true">{footer}</p>
    }
}

/// One check's items and measures in the record.
fn part_sections(
    language: checkwerk_core::Language,
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
                    view! {
                        <tr>
                            <td>{item.number.clone()}</td>
                            <td>{item.statement.clone()}</td>
                            <td>{rating}{priority}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <h3>{module_heading(language, &module.number, &module.title)}</h3>
                <table class="report-table answers">
                    <thead><tr>
                        <th scope="col">{Text::Number.get(language)}</th>
                        <th scope="col">{Text::Statement.get(language)}</th>
                        <th scope="col">{Text::Rating.get(language)}</th>
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
                        <th scope="col">{Text::Number.get(language)}</th>
                        <th scope="col">{Text::MeasureTitle.get(language)}</th>
                        <th scope="col">{Text::MeasureItems.get(language)}</th>
                        <th scope="col">{Text::Urgency.get(language)}</th>
                        <th scope="col">{Text::Responsible.get(language)}</th>
                        <th scope="col">{Text::DueDate.get(language)}</th>
                        <th scope="col">{Text::Control.get(language)}</th>
                        <th scope="col">{Text::Status.get(language)}</th>
                    </tr></thead>
                    <tbody>{measures}</tbody>
                </table>
            </div>
        </section>
    }
}
