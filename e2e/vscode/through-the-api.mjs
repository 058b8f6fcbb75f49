// The workbench features checked through VS Code's own command API (vscode.executeHoverProvider,
// vscode.executeDefinitionProvider, …, asked through the test-only probe extension), so each check
// is what VS Code itself got from the Sitrep extension; the page is used for the screenshots.
import {
  clearHover,
  decodeTokens,
  drawnApart,
  hoverText,
  openFromExplorer,
  positionOf,
  until,
  wordCentre,
} from './editor.mjs';

/** VS Code's severities (vscode.DiagnosticSeverity): Error 0, Warning 1, Information 2, Hint 3. */
const INFORMATION = 2;
const HINT = 3;

/**
 * Runs each check in turn; a failing one is recorded and the next still runs.
 * `ask(op, params)` questions the probe; `note` and `draft` are files in the opened folder.
 */
export async function throughTheApi(page, { truth, check, log, ask, note, draft, screenshot, token }) {
  const attempt = async (name, body) => {
    try {
      const [ok, detail] = await body();
      check(name, ok, detail);
    } catch (error) {
      check(name, false, error.message);
    }
  };
  const h = truth.hmeimim;
  const noteUri = { $uri: note.path };
  const draftUri = { $uri: draft.path };
  const showFile = (name, word) => openFromExplorer(page, name, word);

  // The probe answers once its extension host has started; by now the Sitrep one has too.
  await until(
    'the probe extension never answered',
    60_000,
    () =>
      ask('active').then(
        () => true,
        () => false,
      ),
    500,
  );
  await ask('open', { target: note.path });

  await attempt('executeHoverProvider on al-Golani answers with Ahmad al-Sharaa and his claims', async () => {
    const text = hoverText(
      await ask('execute', {
        command: 'vscode.executeHoverProvider',
        args: [noteUri, positionOf(note.text, 'al-Golani', 3)],
      }),
    );
    const words = text.replace(/[*_\\]/g, '');
    return [text.includes(`**${truth.golani.name}**`) && /\d+ claims? from/.test(words), text.slice(0, 600)];
  });

  await attempt(
    'provideDocumentSemanticTokens marks Hmeimim as an installation and al-Golani as an actor',
    async () => {
      const legend = await ask('execute', { command: 'vscode.provideDocumentSemanticTokensLegend', args: [noteUri] });
      const tokens = await until('no semantic tokens', 20_000, async () => {
        const answer = await ask('execute', { command: 'vscode.provideDocumentSemanticTokens', args: [noteUri] });
        return answer?.data?.length ? decodeTokens(answer.data, legend, note.text) : null;
      });
      const typeOf = (word) => tokens.find((t) => t.text === word)?.type;
      await showFile(note.name, 'Hmeimim');
      await clearHover(page);
      await screenshot('vscode-names-marked.png');
      return [
        typeOf('Hmeimim') === 'sitrepInstallation' &&
          typeOf('al-Golani') === 'sitrepActor' &&
          !tokens.some((t) => t.text === 'Satellite'),
        JSON.stringify(tokens),
      ];
    },
  );

  await attempt('executeDocumentHighlights on al-Golani lights up his mentions in the note', async () => {
    const highlights = await ask('execute', {
      command: 'vscode.executeDocumentHighlights',
      args: [noteUri, positionOf(note.text, 'al-Golani', 3)],
    });
    const lines = note.text.split('\n');
    const said = (highlights ?? []).map(({ range }) =>
      lines[range.start.line].slice(range.start.character, range.end.character),
    );
    return [said.length === 1 && said[0] === 'al-Golani', JSON.stringify(said)];
  });

  await attempt("executeDefinitionProvider on Hmeimim gives the entity's read-only page", async () => {
    const [location] = await ask('execute', {
      command: 'vscode.executeDefinitionProvider',
      args: [noteUri, positionOf(note.text, 'Hmeimim', 2)],
    });
    const uri = location.uri ?? location.targetUri;
    const text = await ask('text', { target: uri });
    return [uri.startsWith('sitrep://entity/') && text.startsWith(`# ${h.name}`), `${uri}\n${text.slice(0, 200)}`];
  });

  await attempt(
    'executeReferenceProvider on Hmeimim lists its mentions in the articles, each one of its names',
    async () => {
      const locations = await ask('execute', {
        command: 'vscode.executeReferenceProvider',
        args: [noteUri, positionOf(note.text, 'Hmeimim', 2)],
      });
      const names = new Set(truth.hmeimimAll.aliases.map((a) => a.toLowerCase()));
      const said = [];
      for (const { uri, range } of locations.filter((l) => l.uri.startsWith('sitrep://article/')).slice(0, 5)) {
        const line = (await ask('text', { target: uri })).split('\n')[range.start.line];
        said.push(line.slice(range.start.character, range.end.character));
      }
      const unknown = said.filter((s) => !names.has(s.toLowerCase()));
      return [
        // VS Code asks with includeDeclaration: the entity's own page comes too.
        locations.some((l) => l.uri.startsWith('sitrep://article/')) &&
          locations.every((l) => /^sitrep:\/\/(article|entity)\//.test(l.uri)) &&
          unknown.length === 0,
        `${locations.length} locations (${locations.map((l) => l.uri).join(' ')}); not a name of ${h.name}: ${JSON.stringify(unknown)}`,
      ];
    },
  );

  await attempt("a quote's link in the hover opens its article with exactly the quote selected", async () => {
    const text = hoverText(
      await ask('execute', {
        command: 'vscode.executeHoverProvider',
        args: [noteUri, positionOf(note.text, 'Hmeimim', 2)],
      }),
    );
    const link = /\(command:sitrep\.openEvidence\?([^)\s]+)/.exec(text);
    if (!link) return [false, `no openEvidence link in:\n${text.slice(0, 400)}`];
    const args = JSON.parse(decodeURIComponent(link[1]));
    await ask('execute', { command: 'sitrep.openEvidence', args });
    const active = await until('the article never became the active editor', 20_000, async () => {
      const now = await ask('active');
      return now?.uri === args[0] && now.selected ? now : null;
    });
    const quotes = truth.hmeimimAll.claims.edges.map(({ node }) => node.quote);
    return [quotes.includes(active.selected), `selected: ${active.selected}`];
  });

  await attempt(
    'diagnostics note the contested Qamishli (Information) and stale names (Hint), never errors',
    async () => {
      await ask('open', { target: note.path });
      const contestedWanted = truth.qamishli.contested.totalCount > 0;
      const diagnostics = await until('no diagnostics on the note', 30_000, async () => {
        const now = await ask('diagnostics', { target: note.path });
        return now.length && (!contestedWanted || now.some((d) => d.code === 'contested')) ? now : null;
      });
      const contested = diagnostics.find((d) => d.code === 'contested');
      await showFile(note.name, 'Qamishli');
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 10_000 });
      await screenshot('vscode-diagnostics.png');
      await page.keyboard.press('Control+Shift+M');
      return [
        contestedWanted &&
          contested?.severity === INFORMATION &&
          contested.message.startsWith(truth.qamishli.name) &&
          diagnostics.every((d) => d.severity === INFORMATION || d.severity === HINT),
        JSON.stringify(diagnostics.map((d) => [d.code, d.severity, d.message])),
      ];
    },
  );

  await attempt('executeCompletionItemProvider after "Tart" offers the Tartus entity, with its kind', async () => {
    const answer = await ask('execute', {
      command: 'vscode.executeCompletionItemProvider',
      args: [draftUri, positionOf(draft.text, 'Tart', 4)],
    });
    const labels = answer.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    // An item is a name as written (the entity's own or an alias); an alias's detail names the entity.
    const item = answer.items.find((i, n) => labels[n] === truth.tartus.name || i.detail?.includes(truth.tartus.name));
    // The same list in the page, for the README's screenshot.
    await showFile(draft.name, 'Tart');
    const { x, y } = await wordCentre(page, 'Tart');
    await page.mouse.click(x + 40, y);
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget.visible', { hasText: /Tart/ }).waitFor({ timeout: 15_000 });
    await screenshot('vscode-completion.png');
    await page.keyboard.press('Escape');
    return [
      Boolean(item) && (item.detail ?? '').toLowerCase().includes(truth.tartus.__typename.toLowerCase()),
      `labels: ${labels.slice(0, 8).join(', ')}; detail: ${item?.detail}`,
    ];
  });

  await attempt('a quick fix adds "Hmeimeem" as a name of Hmeimim, which then hovers', async () => {
    const at = positionOf(draft.text, 'Hmeimeem', 2);
    const range = { $range: [at.$position[0], at.$position[1], at.$position[0], at.$position[1]] };
    const actions = await ask('execute', { command: 'vscode.executeCodeActionProvider', args: [draftUri, range] });
    const fix = actions.find((a) => a.title === `Add “Hmeimeem” as a name of ${h.name}`);
    if (!fix) return [false, `actions: ${actions.map((a) => a.title).join('; ')}`];
    // The same fix in the page's quick-fix menu, for the README's screenshot.
    await showFile(draft.name, 'Hmeimeem');
    const { x, y } = await wordCentre(page, 'Hmeimeem');
    await page.mouse.click(x, y);
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget', { hasText: 'Hmeimeem' }).first().waitFor({ timeout: 15_000 });
    await screenshot('vscode-quick-fix.png');
    await page.keyboard.press('Escape');

    // A changed sitrep.token restarts the language server with it; the fix then runs as typed.
    await ask('configure', { key: 'sitrep.token', value: token });
    const answered = await until('the restarted language server never offered the fix again', 30_000, async () => {
      const now = await ask('execute', { command: 'vscode.executeCodeActionProvider', args: [draftUri, range] });
      return now?.find((a) => a.title === fix.title) ?? null;
    });
    await ask('execute', { command: answered.command.command, args: answered.command.arguments ?? [] });
    const text = await until('"Hmeimeem" never hovered as Hmeimim Air Base', 20_000, async () => {
      const hovers = await ask('execute', { command: 'vscode.executeHoverProvider', args: [draftUri, at] });
      const said = hoverText(hovers);
      return said.includes(`**${h.name}**`) ? said : null;
    });
    log('the new name hovers');
    return [text.includes(`**${h.name}**`), text.slice(0, 200)];
  });

  await attempt("known names are drawn in the theme's colours, apart from the words around them", async () => {
    // The tokens above are what VS Code got; this is what it drew with them (package.json maps
    // sitrepInstallation and sitrepActor to scopes every theme colours).
    await showFile(note.name, 'Hmeimim');
    await clearHover(page);
    const apart = await until('Hmeimim is drawn like plain text', 15_000, () =>
      drawnApart(page, 'Hmeimim', 'Satellite'),
    ).catch(() => false);
    return [apart && (await drawnApart(page, 'al-Golani', 'president')), 'names drawn like the words around them'];
  });
}
