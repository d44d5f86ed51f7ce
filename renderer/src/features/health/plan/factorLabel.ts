/** A factor as the lists show it: its name, and its level when it has one (噪声（≥ 85 dB(A)）). */
export const factorLabel = (name: string, level: string | null) => (level ? `${name}（${level}）` : name);
