/** The banner of a deployment that holds the demonstration data set. */
export const demo = {
  'demo.banner-label': 'Demonstration data',
  'demo.banner-title': 'Demonstration data.',
  'demo.banner-text': 'Since {since} this deployment holds an invented data set: its reports, people and organisations are not real.',
} as const;
