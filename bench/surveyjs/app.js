// The plain SurveyJS page the bench measures: one check as a survey, answers kept in localStorage on every change,
// the way SurveyJS documents saving progress ("Continue an incomplete survey"). One survey page per Baustein.
// Loaded after survey.core.min.js, survey-js-ui.min.js and the check's <id>.survey.js (which sets checkwerkSurvey).
(function () {
  "use strict";
  var check = window.checkwerkSurvey;
  var storageKey = "surveyjs." + check.checkId;
  var survey = new Survey.Model(check.survey);
  try {
    var saved = localStorage.getItem(storageKey);
    if (saved) survey.data = JSON.parse(saved);
  } catch (error) {
    console.error("cannot restore the saved answers", error);
  }
  survey.onValueChanged.add(function (sender) {
    localStorage.setItem(storageKey, JSON.stringify(sender.data));
  });
  SurveyUI.renderSurvey(survey, document.getElementById("survey"));
  // For the bench harness: page navigation between Bausteine.
  window.checkwerkBenchSurvey = survey;
})();
