// Makes the clearly labelled placeholder that stands in for the seed post's
// team photograph (src/img/cds/pm-banner-fix.jpg) and its thumbnail, until the
// real photograph is added. Both languages' posts show it, so it says so in
// both. Run once: tsx scripts/make-placeholder.ts
import sharp from "sharp";

const label = (width: number, height: number, size: number) => `
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="#26374a"/>
  <rect x="${size}" y="${size}" width="${width - 2 * size}" height="${height - 2 * size}" fill="none" stroke="#ffffff" stroke-width="${size / 8}" stroke-dasharray="${size / 2}"/>
  <text x="50%" y="34%" fill="#ffffff" font-family="sans-serif" font-size="${size}" text-anchor="middle">Placeholder image</text>
  <text x="50%" y="44%" fill="#ffffff" font-family="sans-serif" font-size="${size * 0.55}" text-anchor="middle">Stands in for the team photograph</text>
  <text x="50%" y="64%" fill="#ffffff" font-family="sans-serif" font-size="${size}" text-anchor="middle" xml:lang="fr">Image provisoire</text>
  <text x="50%" y="74%" fill="#ffffff" font-family="sans-serif" font-size="${size * 0.55}" text-anchor="middle" xml:lang="fr">Remplace la photo de l’équipe</text>
</svg>`;

await sharp(Buffer.from(label(1600, 900, 80))).jpeg({ quality: 80 }).toFile("src/img/cds/pm-banner-fix.jpg");
await sharp(Buffer.from(label(480, 270, 26))).jpeg({ quality: 80 }).toFile("src/img/cds/thumbnails/pm-banner-fix.jpg");
console.log("Wrote src/img/cds/pm-banner-fix.jpg and src/img/cds/thumbnails/pm-banner-fix.jpg");
