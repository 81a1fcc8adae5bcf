// The example site's config: it uses the plugin exactly as a press office would.
import newsroom, { type NewsroomOptions } from "eleventy-plugin-newsroom";

const options: NewsroomOptions = {
  siteName: "Пресс-служба Министерства торговли и интеграции",
  siteUrl: "https://press.example.kz",
  defaultLocale: "ru",
  locales: ["ru", "kk", "en"],
  timeZone: "Asia/Almaty",
  releases: "src/releases",
  publisher: {
    name: "Министерство торговли и интеграции Республики Казахстан",
    url: "https://press.example.kz",
    logo: "/img/logo.svg",
  },
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
