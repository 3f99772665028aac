export default { lang: "fr" };
