// The same first questions as a SurveyJS 2 questionnaire (survey-core + survey-js-ui, the vanilla JS
// UI, default theme), one question per page with SurveyJS's own Volgende button. scripts/bench-peers.mjs
// serves the SurveyJS files from npm (target/peers/) and fills in the questions from
// rules/westfriesland.json.
const QUESTIONS = /*QUESTIONS*/[];

const survey = new Survey.Model({
  showQuestionNumbers: 'off',
  pageNextText: 'Volgende',
  pagePrevText: 'Vorige',
  completeText: 'Klaar',
  pages: QUESTIONS.map((q) => ({
    elements: [{
      type: 'radiogroup', name: q.id, title: q.text, description: q.help, isRequired: true,
      choices: q.options.map((o) => ({ value: o.id, text: o.label })),
    }],
  })),
});
SurveyUI.renderSurvey(survey, document.getElementById('vragenlijst'));
