/** The team with the most points. */
function leader(scores) {
  return Object.entries(scores).sort((a, b) => b[1] - a[1])[0][0];
}

module.exports = { leader };
