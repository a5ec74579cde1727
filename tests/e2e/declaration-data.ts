// Runs of the check „Faire Lieferkette“ (OM-Praxis) for the journeys of the self-declaration.
import type { SeedRun } from "./fixtures";

/** Every item of the check, in catalog order. */
export const lieferkette = [
  "betroffenheit", "nutzen-fairness", "leitung-verantwortung", "grundsatz", "lieferanten-uebersicht",
  "risiken-einschaetzen", "kompetenz-einkauf", "auswahl-kriterien", "vereinbarungen", "faire-einkaufspraxis",
  "nachweise", "vorbeugen", "beschwerdeweg", "abhilfe-plan", "wirksamkeit-doku", "kundenanfragen", "faire-loehne",
  "arbeitszeit-fair", "gleichbehandlung", "mitsprache", "sicher-gesund", "umwelt-eigener-betrieb",
  "engagement-region", "transparenz",
];

/** A measure for one of the items; complete (urgency, who, by when, Kontrolle) unless told otherwise. */
export function measure(index: number, items: string[], complete = true) {
  return {
    id: `m${index}`,
    title: `Maßnahme ${index}: ${items[index % items.length]}`,
    item_ids: [items[index % items.length]],
    urgency: complete ? ["hoch", "mittel", "niedrig"][index % 3] : undefined,
    responsible: complete ? "Frau Berger" : "",
    due: `2027-${String((index % 12) + 1).padStart(2, "0")}-15`,
    control: complete ? "Wirkung im Quartalsgespräch prüfen" : "",
    status: "offen",
  };
}

/** Evidence (Nachweis) given for two items: a place and a link. */
const evidence: Record<string, string> = {
  "betroffenheit": "Risikoanalyse 2026, Ordner Einkauf",
  "nachweise": "https://intranet.example.de/lieferantenkodex.pdf",
};

/** A run with every item rated (one „nicht relevant“) and ten complete measures: ready for the declaration. */
export function completeRun(): SeedRun {
  return {
    id: "lk-2026",
    catalog_id: "faire-lieferkette",
    name: "OM-Zeichen 2026",
    company: "Muster Metallbau GmbH",
    answers: Object.fromEntries(lieferkette.map((id, index) => [id, {
      choice: index === 22 ? "nicht-relevant" : ["hoch", "mittel", "niedrig"][index % 3],
      ...(evidence[id] ? { evidence: evidence[id] } : {}),
    }])),
    measures: Array.from({ length: 10 }, (_, index) => measure(index + 1, lieferkette)),
  };
}
