// Kept for pages that embedded the widget before regiewijzer.js was its one script.
import './regiewijzer.js';
