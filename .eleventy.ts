// The example site's config: it uses the plugin exactly as a press office would.
import newsroom, { type NewsroomOptions } from "eleventy-plugin-newsroom";

const options: NewsroomOptions = {
  // The office's name in each language its pages speak.
  siteName: {
    ru: "Пресс-служба Министерства торговли и интеграции",
    kk: "Сауда және интеграция министрлігінің баспасөз қызметі",
    en: "Press office of the Ministry of Trade and Integration",
  },
  siteUrl: "https://press.example.kz",
  defaultLocale: "ru",
  locales: ["ru", "kk", "en"],
  timeZone: "Asia/Almaty",
  releases: "src/releases",
  publisher: {
    name: {
      ru: "Министерство торговли и интеграции Республики Казахстан",
      kk: "Қазақстан Республикасы Сауда және интеграция министрлігі",
      en: "Ministry of Trade and Integration of the Republic of Kazakhstan",
    },
    url: "https://press.example.kz",
    logo: "/img/logo.svg",
  },
  // Every release gets its own share card, however old; by default only the last 30 days' do.
  shareCards: { days: "all" },
  // Each release page is kept in .cache/newsroom/build; the next build restores the unchanged ones.
  buildCache: true,
};

export default function (eleventyConfig: any) {
  // The repository root is the input, so `_data/` and `_includes/` sit beside `src/`;
  // everything that is not the site stays out of the build.
  for (const path of ["README.md", "plugin/**", "tests/**", "dist/**", "docs/**", "bench/**", ".ci/**"]) {
    eleventyConfig.ignores.add(path);
  }
  eleventyConfig.addPassthroughCopy({ "src/img": "img" });
  eleventyConfig.addPlugin(newsroom, options);

  return {
    dir: { input: ".", includes: "_includes", data: "_data", output: "_site" },
  };
}
