/**
 * The version of the recipe's defaults and rendering, stored with every run launched from a recipe. Bump it whenever a
 * default or a rendered file or command changes, so two runs with equal configs but different renderings are told apart.
 */
export const recipeVersion = "openmmreasoner-1";
