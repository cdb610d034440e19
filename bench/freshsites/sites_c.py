"""Held-out fresh sites, batch C (written blind, from the task description only).

c-ponte   -- bilingual (pt-BR / cs) regional magazine on a page-builder CMS: every block, story text and
             furniture alike, sits in section > div.row > div.col > div.widget-wrap > div.elementor-widget-container.
             The membership appeal comes after the body, built from the same heading / text / button widgets.
c-litoral -- Black Sea regional daily (ro / en / tr) on a newspaper CMS with <section>s and data- attributes;
             the story is div.article__text > p and the membership promo is classed <h3>/<p> in that same
             container, after the third paragraph.

Prose is generated from per-language fact tables so every story block is distinct. Standard library only.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import json
import pathlib
import random
import re
import sys
import unicodedata

BASE = "__BASE__"


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def att(text: str) -> str:
    return html.escape(text, quote=True)


def norm(text: str) -> str:
    return " ".join(text.split())


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def slugify(text: str, words: int = 9) -> str:
    text = text.replace("ı", "i").replace("İ", "I")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return "-".join(re.findall(r"[a-z0-9]+", text)[:words])


class Page:
    """Collects gold blocks while the HTML is written, so gold order is page order."""

    def __init__(self) -> None:
        self.story: list[str] = []
        self.bp: list[dict] = []

    def s(self, text: str) -> str:
        text = norm(text)
        self.story.append(text)
        return esc(text)

    def b(self, kind: str, text: str) -> str:
        text = norm(text)
        self.bp.append({"kind": kind, "text": text})
        return esc(text)


def write(root: pathlib.Path, url: str, text: str) -> None:
    path = root / url.lstrip("/")
    if url.endswith("/"):
        path = path / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# Prose generator: per-language templates filled from per-article fact tables and seeded numbers.


def compose(lang: dict, art: dict, idx: int, rng: random.Random, used: set) -> list[tuple]:
    """Return story blocks: ("p"|"quote"|"h2"|"fig", text) or ("ul", [items])."""

    def uniq(key: str, make):
        while True:
            val = make()
            if (key, val) not in used:
                used.add((key, val))
                return val

    mi, year = uniq("when", lambda: (rng.randrange(12), rng.choice((2025, 2026))))
    mi2 = (mi + rng.randrange(2, 6)) % 12
    exp, univ = lang["experts"][(idx * 3 + 1) % len(lang["experts"])]
    other = lang["others"][idx % len(lang["others"])]
    v = dict(art)
    v.update(
        wd=rng.choice(lang["wd"]), month=lang["months"][mi], month2=lang["months"][mi2], y=year, y2=year + 1,
        k=uniq("k", lambda: rng.randrange(*lang["k"])), m=uniq("m", lambda: rng.randrange(20, 99)),
        dec=f"{uniq('dec', lambda: rng.randrange(12, 990)) / 10:.1f}".replace(".", ","),
        pct=rng.randrange(22, 64), n=rng.randrange(35, 99), st=rng.randrange(3, 9), yrs=rng.randrange(6, 19),
        yrs2=rng.randrange(5, 10), exp=exp, univ=univ, res=lang["residents"][idx % len(lang["residents"])],
        other=other, Other=cap(other), Org=cap(art["org"]), Subj=cap(art["subj"]),
    )
    if "months_loc" in lang:  # Czech needs cases
        v.update(kdy=f"v {lang['months_loc'][mi]} {year}", kdy2=f"v {lang['months_loc'][mi2]}",
                 m2gen=lang["months_gen"][mi2], kdy_end=f"v {lang['months_loc'][mi]} {year + 1}",
                 oe={"m": "", "f": "a", "n": "o"}[art.get("og", "m")])

    def fill(tpl: str) -> str:
        return norm(tpl.format(**v))

    n = (5, 7, 4, 6, 8, 5, 7, 6)[idx % 8]
    has_list = idx % 3 == 1
    count = n - 1 if has_list else n
    order = [0] + [(idx + j) % 7 + 1 for j in range(7)]
    blocks: list[tuple] = [("p", fill(lang["lead"][idx % 2]))]
    for i in order[: count - 1]:
        blocks.append(("quote" if i == 1 and idx % 3 == 0 else "p", fill(lang["body"][i])))
    if idx % 2 == 0 and count >= 5:
        blocks[-1] = ("p", fill(lang["close"]))
    if has_list:
        pos = min(3, len(blocks))
        blocks[pos:pos] = [("p", fill(lang["li"])), ("ul", [fill(t) for t in lang["items"]])]
    if idx % 2 == 0 and len(blocks) >= 5:
        blocks.insert(3, ("h2", fill(lang["sub"][idx // 2 % 3])))
    if idx % 2 == 1:
        blocks.insert(1, ("fig", fill(lang["cap"])))
    return blocks


# Language tables, site 1 (c-ponte): Portuguese (Brazil) and Czech

PT = dict(
    code="pt", html="pt-BR", tz="-03:00", k=(12, 480),
    months="janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(),
    wd=["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira"],
    others=["Goiânia", "Belém", "Natal", "Vitória", "Londrina", "Maceió", "Cuiabá", "Teresina"],
    experts=[("Renata Vilela", "Fundação Getulio Vargas"), ("Paulo Henrique Sarmento", "Universidade de São Paulo"),
             ("Beatriz Quintela", "Universidade Federal de Minas Gerais"), ("Fernando Gusmão", "PUC do Paraná"),
             ("Luíza Carneiro", "Universidade Estadual de Campinas"), ("Otávio Resende", "UFBA"),
             ("Sílvia Bastos", "Universidade Federal do Rio Grande do Sul"), ("Caio Medeiros", "Ufam")],
    residents=["Dona Lourdes Amaral", "Jorge Batista", "Cláudia Menezes", "Sebastião Freitas", "Patrícia Nogueira",
               "Edson Ramos", "Vera Lúcia Campos", "Wagner Teles"],
    reporters=["Ana Beatriz Lins", "Rafael Monteiro", "Juliana Prado", "Thiago Alencar", "Camila Duarte"],
    photographers=["Lucas Prado", "Mariana Teixeira", "Gabriel Fontes"],
    lead=[
        "{Org} anunciou nesta {wd}, em {city}, que {subj} deve sair do papel até {month} de {y}. A estimativa oficial "
        "é de um investimento de R$ {dec} milhões, e a expectativa é que cerca de {k} mil moradores sejam "
        "beneficiados diretamente pelas mudanças previstas.",
        "Depois de meses de discussão com moradores e técnicos, {org} confirmou que {subj} vai começar em {month}. "
        "O anúncio foi feito em {city} durante uma audiência pública que reuniu cerca de {n} pessoas e se estendeu "
        "por mais de três horas, com perguntas sobre prazos, custos e impactos no trânsito.",
    ],
    body=[
        "{fact} O cronograma apresentado pela equipe técnica divide o trabalho em {st} etapas, o que, segundo os "
        "responsáveis, reduz o risco de atrasos e permite corrigir rumos sem interromper todo o serviço.",
        "“{quote}”, afirmou {off}. De acordo com a administração, os primeiros resultados devem ser apresentados "
        "publicamente em {month2}, acompanhados de dados detalhados para cada bairro atendido.",
        "Na avaliação de {exp}, que acompanha o tema na {univ}, a iniciativa vai na direção certa, mas depende de "
        "continuidade. “Projetos desse tipo costumam perder fôlego na troca de gestão. O desafio em {city} vai ser "
        "manter o orçamento nos próximos anos”, disse.",
        "{res}, que mora em {city} há {yrs} anos, conta que a notícia foi recebida com alívio, mas também com "
        "desconfiança pelos vizinhos. “Já ouvimos promessas parecidas antes. Desta vez quero ver as máquinas na "
        "rua”, diz. A associação de moradores pretende acompanhar de perto cada etapa.",
        "O orçamento previsto soma R$ {dec} milhões, dos quais cerca de {pct}% virão de repasses federais. O restante "
        "será coberto pelo caixa municipal e por um financiamento que ainda depende de aprovação dos vereadores de "
        "{city}, o que pode empurrar parte do calendário para o ano seguinte.",
        "A oposição critica o ritmo da proposta. Para vereadores contrários ao projeto, {subj} chega tarde e sem "
        "estudos de impacto suficientes, sobretudo para as famílias de baixa renda que vivem nas áreas mais "
        "distantes do centro de {city}.",
        "Os próximos passos incluem a publicação do edital, prevista para {month2}, e a contratação das empresas "
        "responsáveis. {Org} promete divulgar relatórios mensais na internet sobre {subj}, para que a população "
        "possa acompanhar prazos, gastos e eventuais mudanças no cronograma.",
        "Iniciativas semelhantes já foram testadas em outros municípios brasileiros, com resultados variados. Em "
        "{other}, por exemplo, um programa parecido levou quase {yrs2} anos para ser concluído, e os técnicos "
        "envolvidos em {city} dizem ter estudado os erros cometidos ali antes de fechar o desenho final.",
    ],
    close="Em nota enviada à reportagem, {org} informou que novas audiências públicas estão marcadas para as "
    "próximas semanas e que os moradores de {city} podem enviar sugestões pelo site oficial até o fim de {month2}.",
    li="O documento apresentado nesta {wd} em {city}, que ainda precisa passar pela Câmara, detalha as metas do "
    "projeto, os custos envolvidos e os prazos de cada fase. Entre os pontos que mais chamaram a atenção dos "
    "participantes da audiência estão:",
    items=["investimento estimado em R$ {dec} milhões", "cerca de {k} mil moradores de {city} atendidos",
           "conclusão prevista para {month} de {y2}"],
    sub=["O que muda em {city}", "Os próximos passos em {city}", "Quem paga a conta em {city}"],
    cap="Equipe técnica durante vistoria em {city}, nesta {wd}",
)

PT_ARTS = [
    dict(h="Curitiba terá linha de ônibus elétricos ligando o Centro ao Boqueirão", sec="cidades", city="Curitiba",
         subj="a nova linha de ônibus elétricos entre o Centro e o Boqueirão", org="a prefeitura",
         fact="A frota inicial terá veículos com autonomia para rodar um dia inteiro sem recarga, e os carregadores "
         "serão instalados no próprio terminal do bairro.",
         quote="Queremos que o passageiro perceba a diferença já na primeira semana, com menos barulho e mais "
         "pontualidade", off="o presidente da companhia municipal de transportes, Marcelo Tavares",
         tags=["Transporte coletivo", "Eletromobilidade"]),
    dict(h="Salvador acelera obras de contenção em encostas antes do período de chuvas", sec="cidades",
         city="Salvador", subj="o programa de contenção de encostas nos bairros da Liberdade e de San Martin",
         org="a Defesa Civil municipal",
         fact="Técnicos mapearam os pontos de maior risco depois das chuvas de abril, quando deslizamentos obrigaram "
         "dezenas de famílias a deixar suas casas temporariamente.",
         quote="Cada muro de contenção que fica pronto antes da próxima estação chuvosa significa uma família que "
         "não precisa sair de casa às pressas", off="o coordenador de obras preventivas, Rogério Nascimento",
         tags=["Risco geológico", "Período chuvoso"]),
    dict(h="Porto Alegre aposta em incentivos fiscais para criar polo de tecnologia no 4º Distrito", sec="economia",
         city="Porto Alegre", subj="o novo polo de tecnologia no 4º Distrito", org="a administração municipal",
         fact="Empresas que se instalarem na área poderão ter redução de até metade do ISS por cinco anos, desde que "
         "contratem parte da mão de obra nos bairros vizinhos.",
         quote="O 4º Distrito tem galpões, tem localização e tem história; faltava um incentivo claro para atrair "
         "quem gera emprego qualificado", off="a secretária de Desenvolvimento Econômico, Luciana Borges",
         tags=["Inovação", "Incentivos fiscais"]),
    dict(h="Restauro do Theatro José de Alencar começa pelos vitrais e deve durar dois anos", sec="cultura",
         city="Fortaleza", subj="o restauro dos vitrais e do palco do Theatro José de Alencar",
         org="o governo estadual",
         fact="Os vitrais, trazidos da Escócia no início do século passado, serão desmontados peça por peça e "
         "levados a um ateliê especializado no bairro de Fátima.",
         quote="É um trabalho de paciência: cada vidro precisa ser limpo, catalogado e devolvido exatamente ao "
         "lugar de origem", off="a restauradora-chefe do projeto, Helena Carvalho",
         tags=["Patrimônio histórico", "Artes cênicas"]),
    dict(h="Belo Horizonte estende horário de postos de saúde na Região Norte", sec="saude", city="Belo Horizonte",
         subj="a ampliação do horário de atendimento nos centros de saúde da Região Norte", org="a prefeitura",
         fact="Doze unidades passarão a funcionar até as 22h em dias úteis, e três delas também abrirão aos sábados "
         "pela manhã para vacinação e consultas de rotina.",
         quote="A maior parte das pessoas que procuram o pronto-socorro à noite poderia ser atendida numa unidade "
         "básica, se ela estivesse aberta", off="o diretor da rede de atenção primária, Danilo Mourão",
         tags=["Rede pública", "Horário estendido"]),
    dict(h="Manaus lança plano para recuperar as margens do igarapé do Mindu", sec="meio-ambiente", city="Manaus",
         subj="o plano de recuperação das margens do igarapé do Mindu", org="o município",
         fact="O projeto combina o replantio de espécies nativas com a retirada do entulho acumulado ao longo de "
         "décadas nas margens do curso d'água.",
         quote="O Mindu já foi lugar de banho e de pesca; queremos que as crianças dos bairros vizinhos voltem a "
         "enxergá-lo como parte da cidade", off="a bióloga responsável pelo plano, Tatiana Rocha",
         tags=["Igarapés", "Reflorestamento"]),
    dict(h="Florianópolis discute limites para motorhomes nas praias do norte da ilha", sec="cidades",
         city="Florianópolis", subj="a nova regra para o estacionamento de motorhomes nas praias do norte da ilha",
         org="a Câmara de Vereadores", partner="Jornal do Litoral Catarinense",
         fact="A proposta limita a permanência a 48 horas em áreas públicas e cria pontos de descarte de resíduos "
         "em Canasvieiras e nos Ingleses.",
         quote="Ninguém é contra o turismo sobre rodas, mas as praias não têm estrutura para receber acampamentos "
         "que duram semanas", off="o vereador autor do projeto, Gustavo Peixoto",
         tags=["Temporada de verão", "Campismo"]),
    dict(h="Campinas abre novas vagas em creches e tenta reduzir a fila de espera", sec="educacao", city="Campinas",
         subj="a abertura de novas vagas em creches conveniadas", org="a rede municipal de ensino",
         fact="As vagas serão distribuídas prioritariamente nos distritos do Campo Grande e do Ouro Verde, onde a "
         "fila de espera é mais longa.",
         quote="Uma vaga em creche muda a rotina da família inteira, porque permite que a mãe ou o pai volte a "
         "trabalhar", off="a diretora pedagógica da rede municipal, Márcia Figueiredo",
         tags=["Primeira infância", "Ensino infantil"]),
]

CS = dict(
    code="cs", html="cs-CZ", tz="+01:00", k=(5, 95),
    months="leden únor březen duben květen červen červenec srpen září říjen listopad prosinec".split(),
    months_loc="lednu únoru březnu dubnu květnu červnu červenci srpnu září říjnu listopadu prosinci".split(),
    months_gen="ledna února března dubna května června července srpna září října listopadu prosince".split(),
    wd=["v pondělí", "v úterý", "ve středu", "ve čtvrtek", "v pátek"],
    others=["ve Zlíně", "v Jihlavě", "v Pardubicích", "v Ústí nad Labem", "v Karlových Varech", "v Opavě",
            "v Teplicích"],
    experts=[("Eva Kratochvílová", "z Masarykovy univerzity"), ("Pavel Urban", "z Univerzity Karlovy"),
             ("Hana Pokorná", "z Vysokého učení technického"), ("Jiří Novotný", "z Ostravské univerzity"),
             ("Alena Křížová", "z Univerzity Palackého"), ("Roman Bartoš", "z Technické univerzity v Liberci"),
             ("Zuzana Fialová", "z Jihočeské univerzity"), ("Libor Kadlec", "z Mendelovy univerzity")],
    residents=["Miroslav Hájek", "Ivana Kolářová", "Stanislav Růžička", "Dana Zemanová", "Vladimír Bureš",
               "Renata Pešková", "Josef Kopecký", "Marie Staňková"],
    reporters=["Kateřina Horáková", "Jakub Procházka", "Veronika Malá", "Martin Sedláček"],
    photographers=["Filip Jandourek", "Lenka Vrbová", "Ondřej Holas"],
    lead=[
        "{Org} {wd} oznámil{oe}, že {subj} začne {kdy}. Náklady mají podle předběžných odhadů dosáhnout {dec} "
        "milionu korun a změny se přímo dotknou zhruba {k} tisíc obyvatel, kteří v dotčených lokalitách žijí nebo "
        "pracují.",
        "Po měsících debat s obyvateli a odborníky je rozhodnuto: {subj} začne {kdy}. Informace zazněla {kde} na "
        "veřejném projednání, kterého se zúčastnilo přibližně {n} lidí a které trvalo déle než tři hodiny. Padaly "
        "otázky na termíny, náklady i dopravní omezení.",
    ],
    body=[
        "{fact} Harmonogram, který představili projektanti, rozděluje práce do {st} etap. Podle odpovědných "
        "úředníků to snižuje riziko zpoždění a umožňuje průběžně upravovat postup, aniž by se musel zastavit celý "
        "projekt.",
        "„{quote},“ říká {off}. Úřad slibuje, že první výsledky zveřejní {kdy2} a doplní je podrobnými údaji za "
        "jednotlivé čtvrti a ulice, kterých se změny týkají.",
        "{exp} {univ} upozorňuje, že podobné projekty často ztrácejí dech po volbách. „Záměr jde správným směrem, "
        "ale {kde} bude klíčové udržet financování i v dalších letech. Jinak se práce zastaví v polovině,“ dodává.",
        "{res} žije {kde} už {yrs} let a popisuje, že sousedé zprávu vnímají s úlevou, ale i s nedůvěrou. „Podobné "
        "sliby jsme slyšeli už několikrát. Tentokrát chci vidět bagry přímo na ulici,“ říká. Spolek místních "
        "obyvatel chce jednotlivé kroky pozorně sledovat.",
        "Rozpočet počítá s částkou {dec} milionu korun, z níž přibližně {pct} procent mají pokrýt dotace "
        "z evropských fondů. Zbytek zaplatí veřejný rozpočet a úvěr, který ještě musí schválit zastupitelé {kde}, "
        "což může část harmonogramu posunout do dalšího roku.",
        "Opozice kritizuje tempo přípravy. Podle zastupitelů, kteří s projektem nesouhlasí, přichází {subj} pozdě "
        "a bez dostatečných studií dopadů, zejména na rodiny s nižšími příjmy z okrajových částí města.",
        "Dalším krokem bude vypsání výběrového řízení, které je naplánováno {kdy2}, a následný výběr dodavatelů. "
        "Úředníci slibují, že o tom, jak pokračuje {subj}, budou veřejnost každý měsíc informovat na webu i na "
        "úřední desce.",
        "Podobné záměry už vyzkoušela i jiná česká města, s různým výsledkem. {Other} trval obdobný projekt téměř "
        "{yrs2} let a odborníci, kteří připravují plán {kde}, tvrdí, že se z tamních chyb poučili ještě před "
        "dokončením návrhu.",
    ],
    close="Úřad na dotaz redakce uvedl, že další veřejná projednání proběhnou v nejbližších týdnech. Připomínky "
    "k projektu mohou lidé {kde} posílat přes oficiální web až do konce {m2gen}, poté je projektanti vyhodnotí.",
    li="Dokument, který úředníci {wd} představili {kde} a který ještě musí schválit zastupitelstvo, podrobně "
    "popisuje cíle projektu, náklady i termíny jednotlivých fází. Mezi body, které na projednání vzbudily mezi "
    "obyvateli největší pozornost, patří:",
    items=["odhadované náklady {dec} milionu korun", "změny pro zhruba {k} tisíc obyvatel",
           "dokončení plánované {kdy_end}"],
    sub=["Co se {kde} změní", "Další kroky {kde}", "Kolik {kde} zaplatí daňoví poplatníci"],
    cap="Technici při prohlídce dotčeného místa {kde}",
)

CS_ARTS = [
    dict(h="Brno zahájí rekonstrukci tramvajové trati v Křenové ulici", sec="mesta", kde="v Brně",
         subj="rekonstrukce tramvajové trati v Křenové ulici", org="brněnský magistrát", og="m",
         fact="Dopravní podnik během výluky nasadí náhradní autobusy a tramvaje linky 12 odkloní přes Hlavní nádraží.",
         quote="Trať je na konci své životnosti a další odklad by znamenal jen dražší opravy a častější poruchy",
         off="náměstek primátora pro dopravu Ondřej Kubíček", tags=["MHD", "Doprava v Brně"]),
    dict(h="Ostrava připravuje přestavbu bývalé koksovny v Přívoze na novou čtvrť", sec="mesta", kde="v Ostravě",
         subj="přestavba bývalé koksovny v Přívoze", org="ostravská radnice", og="f",
         fact="Na místě by mělo vzniknout zhruba šest set bytů, park a základní škola, nejdříve je ale nutné vyčistit "
         "kontaminovanou půdu.",
         quote="Bez sanace půdy nemá smysl o bytech vůbec mluvit, proto začínáme tím nejméně viditelným, ale "
         "nejdůležitějším krokem", off="primátorka Jana Dvořáčková", tags=["Brownfieldy", "Bydlení"]),
    dict(h="V Plzni vyroste hala na díly pro elektromobily, přinese stovky pracovních míst", sec="ekonomika",
         kde="v Plzni", subj="výstavba výrobní haly na díly pro elektromobily v zóně Borská pole",
         org="Plzeňský kraj", og="m",
         fact="Firma počítá s provozem ve třech směnách a část pracovníků chce získat rekvalifikací lidí "
         "z uzavřených provozů v regionu.",
         quote="Nejvíc nám chybějí elektrikáři a seřizovači, takže spolupracujeme se středními školami už od "
         "prvního ročníku", off="personální ředitelka investora Lucie Marešová", tags=["Pracovní trh", "Automotive"]),
    dict(h="V klášteře Hradisko začíná záchrana barokní knihovny", sec="kultura", kde="v Olomouci",
         subj="obnova barokní knihovny v klášteře Hradisko", org="olomoucké arcibiskupství", og="n",
         fact="Restaurátoři musí ošetřit přes dvanáct tisíc svazků, z nichž některé napadla plíseň po loňských "
         "vytrvalých deštích.",
         quote="Každou knihu bereme do ruky jednotlivě, takže rychlost práce neurčuje technika, ale trpělivost lidí",
         off="vedoucí restaurátorské dílny Tomáš Vybíral", tags=["Památky", "Staré tisky"]),
    dict(h="Liberecká nemocnice otevře samostatný urgentní příjem pro děti", sec="zdravi", kde="v Liberci",
         subj="zprovoznění dětského urgentního příjmu", org="Krajská nemocnice Liberec", og="f",
         fact="Dětští pacienti dosud čekali ve stejných prostorách jako dospělí, což lékaři dlouhodobě kritizovali "
         "jako nevhodné.",
         quote="Malé dítě s horečkou by nemělo sedět vedle zraněného po autonehodě, to je pro něj zbytečný stres",
         off="primář dětského oddělení Martin Šimek", tags=["Pediatrie", "Urgentní péče"]),
    dict(h="České Budějovice obnoví lužní les u soutoku Malše a Vltavy", sec="zivotni-prostredi",
         kde="v Českých Budějovicích", subj="obnova lužního lesa u soutoku Malše a Vltavy",
         org="budějovická radnice", og="f",
         fact="Dobrovolníci během podzimu vysadí tisíce stromků původních druhů, hlavně dubů, jilmů a jasanů.",
         quote="Lužní les funguje jako houba, při povodních zadrží vodu a v suchém létě ji pomalu uvolňuje zpátky",
         off="ekoložka Petra Holubová", tags=["Povodně", "Městská zeleň"]),
    dict(h="Hradec Králové postaví novou základní školu na Moravském Předměstí", sec="vzdelavani",
         kde="v Hradci Králové", subj="stavba nové základní školy na Moravském Předměstí", org="hradecký magistrát",
         og="m", partner="Východočeský zpravodaj",
         fact="Škola bude mít dvacet sedm tříd, tělocvičnu otevřenou veřejnosti a jídelnu, která bude vařit i pro "
         "seniory z okolí.",
         quote="Sídliště za posledních deset let omládlo a současné školy už kapacitně nestačí",
         off="radní pro školství Karel Beneš", tags=["Základní vzdělávání", "Kapacity škol"]),
]

# Template furniture, site 1
PONTE_UI = {
    "pt": dict(
        prefix="/noticias/", home="/", sec_prefix="/secoes/", switch=("Česky", "/cesky.html"),
        nav=[("Cidades", "cidades"), ("Economia", "economia"), ("Cultura", "cultura"), ("Saúde", "saude"),
             ("Meio ambiente", "meio-ambiente"), ("Educação", "educacao")],
        by="Por", join=" e ", date=lambda d: f"{d.day} de {PT['months'][d.month - 1]} de {d.year}",
        share=["Compartilhe:", "Facebook", "WhatsApp", "Telegram", "Copiar link"],
        related="Leia também:", latest="Mais lidas", tags="Temas:", comments="Ver os {n} comentários",
        credit="Foto: {p}/Ponte", home_title="Últimas notícias", sec_title="Seção",
        partner="Este conteúdo foi publicado originalmente pelo {src} e é reproduzido pela Ponte por meio de um "
        "acordo de parceria editorial.",
        newsletter=["Boletim da manhã", "Receba às 7h, no seu e-mail, as notícias mais importantes da sua cidade em "
                    "cinco minutos de leitura.", "Inscrever-se"],
        cookie=["Usamos cookies para melhorar sua experiência e analisar o tráfego do site. Ao continuar navegando, "
                "você concorda com a nossa política de privacidade.", "Aceitar cookies", "Configurações"],
        footer=["Quem somos", "Expediente", "Política de privacidade", "Termos de uso", "Fale conosco",
                "© 2025 Ponte Comunicação Ltda. Todos os direitos reservados."],
        appeals=[
            ("Jornalismo local precisa de você", ["A Ponte é mantida pelos leitores. Com uma contribuição mensal, "
             "você ajuda a financiar reportagens que nenhum outro veículo faz nas nossas cidades."], "Apoie a Ponte"),
            ("Faça parte do Clube Ponte", ["Membros recebem a edição de domingo antes de todo mundo, participam de "
             "encontros com a redação e leem sem limite de textos.", "O plano anual sai por menos de um cafezinho "
             "por semana."], "Quero ser membro"),
            ("Você chegou ao fim de mais uma reportagem", ["Para continuar lendo tudo o que publicamos sobre a sua "
             "cidade, escolha um dos nossos planos de assinatura digital. Cancelamento a qualquer momento, sem "
             "multa."], "Ver planos de assinatura"),
        ],
    ),
    "cs": dict(
        prefix="/zpravy/", home="/cesky.html", sec_prefix="/rubriky/", switch=("Português", "/"),
        nav=[("Města", "mesta"), ("Ekonomika", "ekonomika"), ("Kultura", "kultura"), ("Zdraví", "zdravi"),
             ("Životní prostředí", "zivotni-prostredi"), ("Vzdělávání", "vzdelavani")],
        by="Text:", join=" a ", date=lambda d: f"{d.day}. {CS['months_gen'][d.month - 1]} {d.year}",
        share=["Sdílet:", "Facebook", "WhatsApp", "Kopírovat odkaz"],
        related="Čtěte také:", latest="Nejčtenější", tags="Témata:", comments="Zobrazit {n} komentářů",
        credit="Foto: {p}, Ponte", home_title="Nejnovější zprávy", sec_title="Rubrika",
        partner="Článek původně vyšel v partnerském titulu {src}, Ponte ho přebírá na základě dohody o sdílení "
        "obsahu.",
        newsletter=["Ranní zpravodaj", "Každé ráno v sedm vám pošleme e-mailem to nejdůležitější z vašeho města "
                    "na pět minut čtení.", "Přihlásit se k odběru"],
        cookie=["Tento web používá soubory cookie ke zlepšení služeb a analýze návštěvnosti. Pokračováním "
                "v prohlížení souhlasíte s jejich používáním.", "Přijmout vše", "Nastavení"],
        footer=["O nás", "Tiráž", "Ochrana osobních údajů", "Podmínky užití", "Kontakt",
                "© 2025 Ponte Comunicação Ltda. Všechna práva vyhrazena."],
        appeals=[
            ("Nezávislá žurnalistika stojí peníze", ["Ponte financují hlavně čtenáři. Pravidelným příspěvkem "
             "pomůžete zaplatit reportáže z regionů, kam jiná média nejezdí."], "Podpořit Ponte"),
            ("Staňte se členem Klubu Ponte", ["Členové dostávají nedělní vydání s předstihem, chodí na setkání "
             "s redakcí a čtou bez omezení počtu článků.", "Roční členství vyjde levněji než jedna káva týdně."],
             "Chci se stát členem"),
            ("Dočetli jste další reportáž až do konce", ["Pokud chcete číst vše, co o vašem městě píšeme, vyberte si "
             "některé z našich digitálních předplatných. Zrušit ho můžete kdykoli a bez poplatku."],
             "Zobrazit předplatné"),
        ],
    ),
}


# Shared page bookkeeping


def prepare(langs: list[tuple[dict, list[dict]]], seed: str, start: dt.date, step: int) -> list[dict]:
    recs = []
    for lang, arts in langs:
        rng = random.Random(f"{seed}-{lang['code']}")
        used: set = set()
        reps = lang["reporters"]
        for idx, art in enumerate(arts):
            if art.get("kind") == "gallery":
                blocks = [("p", norm(t)) for t in art["intro"]]
            else:
                blocks = compose(lang, art, idx, rng, used)
            authors = [reps[idx % len(reps)]] + ([reps[(idx + 2) % len(reps)]] if idx == 2 else [])
            kind = art.get("kind") or ("partner-copy" if art.get("partner") else "article")
            recs.append(dict(lang=lang, art=art, idx=idx, blocks=blocks, authors=authors, title=art["h"],
                             kind=kind, photographer=lang["photographers"][idx % len(lang["photographers"])]))
    codes = [lang["code"] for lang, _ in langs]
    for i, rec in enumerate(sorted(recs, key=lambda r: (r["idx"], codes.index(r["lang"]["code"])))):
        rec["date"] = start + dt.timedelta(days=i * step)
        rec["time"] = f"{6 + i % 12:02d}:{i * 17 % 60:02d}:00"
        rec["lastmod"] = rec["date"] + dt.timedelta(days=i % 5 * 3)
    return recs


def same_lang(recs: list[dict], rec: dict) -> list[dict]:
    mine = [r for r in recs if r["lang"] is rec["lang"]]
    i = mine.index(rec)
    return mine[i + 1:] + mine[:i]


def pub_iso(rec: dict) -> str:
    return f"{rec['date'].isoformat()}T{rec['time']}{rec['lang']['tz']}"


def meta_head(rec: dict | None, title: str, url: str, site_name: str, feed: tuple[str, str], lang_html: str,
              extra: str = "") -> str:
    lines = ['<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{esc(title)}</title>", f'<link rel="canonical" href="{BASE}{url}">',
             f'<meta property="og:site_name" content="{att(site_name)}">',
             f'<meta property="og:url" content="{BASE}{url}">',
             f'<link rel="alternate" type="{feed[1]}" title="{att(site_name)}" href="{BASE}{feed[0]}">']
    if rec is not None:
        lines += ['<meta property="og:type" content="article">',
                  f'<meta property="og:title" content="{att(rec["title"])}">',
                  f'<meta property="og:locale" content="{lang_html.replace("-", "_")}">',
                  f'<meta property="og:image" content="{BASE}/media/{slugify(rec["title"], 5)}-1200.jpg">',
                  f'<meta property="article:published_time" content="{pub_iso(rec)}">',
                  f'<meta property="article:modified_time" content="{rec["lastmod"].isoformat()}T12:00:00'
                  f'{rec["lang"]["tz"]}">',
                  f'<meta name="author" content="{att(", ".join(rec["authors"]))}">']
    else:
        lines.append('<meta property="og:type" content="website">')
    return "\n".join(lines) + extra


def write_common(root: pathlib.Path, recs: list[dict], feed_url: str, feed_xml: str) -> None:
    write(root, "/robots.txt", f"User-agent: *\nDisallow: /busca/\nDisallow: /cauta/\n\nSitemap: {BASE}/sitemap.xml\n")
    urls = "".join(f"  <url>\n    <loc>{BASE}{r['url']}</loc>\n    <lastmod>{r['lastmod'].isoformat()}</lastmod>\n"
                   f"  </url>\n" for r in sorted(recs, key=lambda r: r["date"], reverse=True))
    write(root, "/sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
          f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n')
    write(root, feed_url, feed_xml)


def gold(name: str, languages: list[str], feed: str, regex: str, recs: list[dict]) -> str:
    pages = {}
    for r in recs:
        pg = r["page"]
        pages[r["url"]] = {"kind": r["kind"], "language": r["lang"]["code"], "title": r["title"],
                           "author": r["authors"], "published": r["date"].isoformat(), "story": pg.story,
                           "boilerplate": pg.bp}
    data = {"name": name, "languages": languages, "sitemap": "/sitemap.xml", "feed": feed,
            "article_url_regex": regex, "pages": pages}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def excerpt(rec: dict, words: int = 22) -> str:
    return " ".join(rec["blocks"][0][1].split()[:words]) + " …"


# Site 1: c-ponte -- page-builder markup


class PB:
    """Elementor-style wrappers: section > container > row > col > widget-wrap > widget > widget-container."""

    def __init__(self) -> None:
        self.n = 0

    def id(self) -> str:
        self.n += 1
        return f"{self.n * 2654435761 % 0xFFFFFFF:07x}"

    def w(self, kind: str, inner: str, cls: str = "") -> str:
        i = self.id()
        return (f'<div class="elementor-element elementor-element-{i} elementor-widget elementor-widget-{kind}{cls}" '
                f'data-id="{i}" data-element_type="widget" data-widget_type="{kind}.default">\n'
                f'<div class="elementor-widget-container">\n{inner}\n</div>\n</div>')

    def sec(self, cols: list[tuple[str, str]], cls: str = "elementor-top-section") -> str:
        i = self.id()
        out = [f'<section class="elementor-section {cls} elementor-element elementor-element-{i} '
               f'elementor-section-boxed elementor-section-height-default" data-id="{i}" data-element_type="section">',
               '<div class="elementor-container elementor-column-gap-default">', '<div class="row">']
        for ccls, inner in cols:
            j = self.id()
            out.append(f'<div class="col {ccls} elementor-column elementor-element elementor-element-{j}" '
                       f'data-id="{j}" data-element_type="column">\n'
                       f'<div class="widget-wrap elementor-widget-wrap elementor-element-populated">\n{inner}\n'
                       f'</div>\n</div>')
        out += ["</div>", "</div>", "</section>"]
        return "\n".join(out)

    def heading(self, tag: str, text: str) -> str:
        return self.w("heading", f'<{tag} class="elementor-heading-title elementor-size-default">{text}</{tag}>')

    def text(self, inner: str) -> str:
        return self.w("text-editor", inner)

    def button(self, href: str, text: str, cls: str = "") -> str:
        return self.w("button", '<div class="elementor-button-wrapper"><a class="elementor-button '
                      f'elementor-button-link elementor-size-sm" href="{href}"><span class="elementor-button-'
                      f'content-wrapper"><span class="elementor-button-text">{text}</span></span></a></div>', cls)


def ponte_header(pb: PB, ui: dict, pg: Page) -> str:
    items = "\n".join(f'<li class="menu-item menu-item-type-taxonomy menu-item-object-category"><a href="'
                      f'{ui["sec_prefix"]}{slug}.html" class="elementor-item">{pg.b("nav", label)}</a></li>'
                      for label, slug in ui["nav"])
    label, href = ui["switch"]
    items += (f'\n<li class="menu-item menu-item-lang wpml-ls-item"><a href="{href}" class="elementor-item">'
              f'{pg.b("nav", label)}</a></li>')
    logo = pb.w("theme-site-logo", f'<a href="{ui["home"]}"><img width="180" height="44" src="/wp-content/uploads/'
                f'2023/09/ponte-logo.svg" class="attachment-full size-full" alt=""></a>', " elementor-widget-image")
    nav = pb.w("nav-menu", '<nav class="elementor-nav-menu--main elementor-nav-menu__container" aria-label="Menu">\n'
               f'<ul id="menu-1-principal" class="elementor-nav-menu">\n{items}\n</ul>\n</nav>')
    return ('<div data-elementor-type="header" data-elementor-id="31" class="elementor elementor-31 '
            'elementor-location-header">\n' + pb.sec([("col-md-3", logo), ("col-md-9", nav)]) + "\n</div>")


def ponte_footer(pb: PB, ui: dict, pg: Page) -> str:
    links = "\n".join(f'<li class="menu-item"><a href="/institucional/{slugify(t, 3)}.html" class="elementor-item">'
                      f'{pg.b("footer", t)}</a></li>' for t in ui["footer"][:-1])
    nav = pb.w("nav-menu", f'<nav class="elementor-nav-menu--main"><ul class="elementor-nav-menu">\n{links}\n</ul>'
               "</nav>")
    copy = pb.text(f'<p>{pg.b("footer", ui["footer"][-1])}</p>')
    cookie = ('<div id="cookie-notice" role="dialog" class="cookie-notice-hidden cookie-revoke-hidden '
              f'cn-position-bottom" aria-label="Cookie Notice" data-nosnippet><div class="cookie-notice-container">'
              f'<span id="cn-notice-text" class="cn-text-container">{pg.b("cookie", ui["cookie"][0])}</span> '
              f'<span id="cn-notice-buttons" class="cn-buttons-container"><a href="#" id="cn-accept-cookie" '
              f'data-cookie-set="accept" class="cn-set-cookie cn-button">{pg.b("cookie", ui["cookie"][1])}</a> '
              f'<a href="#" class="cn-more-info cn-button">{pg.b("cookie", ui["cookie"][2])}</a></span></div></div>')
    return ('<div data-elementor-type="footer" data-elementor-id="48" class="elementor elementor-48 '
            'elementor-location-footer">\n' + pb.sec([("col-md-8", nav), ("col-md-4", copy)]) + "\n</div>\n" + cookie)


def ponte_doc(lang: dict, head: str, body_cls: str, inner: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang["html"]}">\n<head>\n{head}\n'
            '<link rel="stylesheet" id="elementor-frontend-css" href="/wp-content/plugins/elementor/assets/css/'
            'frontend.min.css?ver=3.21.4" media="all">\n</head>\n'
            f'<body class="{body_cls} elementor-default elementor-kit-7">\n{inner}\n'
            '<script src="/wp-content/plugins/elementor/assets/js/frontend.min.js?ver=3.21.4" '
            'id="elementor-frontend-js"></script>\n</body>\n</html>\n')


def ponte_body(pb: PB, ui: dict, rec: dict, pg: Page, related: dict | None) -> list[str]:
    widgets, buf, pcount = [], [], 0

    def flush() -> None:
        if buf:
            widgets.append(pb.text("\n".join(buf)))
            buf.clear()

    for kind, val in rec["blocks"]:
        if kind == "p":
            buf.append(f"<p>{pg.s(val)}</p>")
            pcount += 1
        elif kind == "quote":
            buf.append(f'<blockquote class="wp-block-quote"><p>{pg.s(val)}</p></blockquote>')
            pcount += 1
        elif kind == "ul":
            buf.append("<ul>\n" + "\n".join(f"<li>{pg.s(i)}</li>" for i in val) + "\n</ul>")
        elif kind == "h2":
            flush()
            widgets.append(pb.heading("h2", pg.s(val)))
        elif kind == "fig":
            flush()
            credit = ui["credit"].format(p=rec["photographer"])
            widgets.append(pb.w("image", f'<figure class="wp-caption"><img width="1200" height="675" src="/wp-content/'
                                f'uploads/{rec["date"].year}/{rec["date"].month:02d}/{slugify(rec["title"], 4)}.jpg" '
                                f'alt="" loading="lazy"><figcaption class="widget-image-caption wp-caption-text">'
                                f'{pg.s(val)} <span class="credito">{pg.b("credit", credit)}</span></figcaption>'
                                f"</figure>"))
        if related and pcount == 2 and kind in ("p", "quote"):
            flush()
            pg.b("related", f'{ui["related"]} {related["title"]}')
            widgets.append(pb.text(f'<p><strong>{esc(ui["related"])}</strong> <a href="{related["url"]}">'
                                   f'{esc(related["title"])}</a></p>'))
            related = None
    flush()
    return widgets


def ponte_article(recs: list[dict], rec: dict) -> str:
    pb, pg, lang, ui, idx = PB(), Page(), rec["lang"], PONTE_UI[rec["lang"]["code"]], rec["idx"]
    rec["page"] = pg
    others = same_lang(recs, rec)
    head = meta_head(rec, f"{rec['title']} – Ponte", rec["url"], "Ponte", ("/feed.xml", "application/rss+xml"),
                     lang["html"])
    out = [ponte_header(pb, ui, pg)]
    col = [pb.w("theme-post-title", f'<h1 class="elementor-heading-title elementor-size-default">{esc(rec["title"])}'
                "</h1>", " elementor-widget-heading")]
    col.append(pb.w("post-info", '<ul class="elementor-inline-items elementor-icon-list-items elementor-post-info">'
                    '<li class="elementor-icon-list-item elementor-inline-item" itemprop="author"><span class="'
                    'elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-author">'
                    f'{esc(ui["by"])} {esc(ui["join"].join(rec["authors"]))}</span></li>\n'
                    '<li class="elementor-icon-list-item elementor-inline-item" itemprop="datePublished"><span class="'
                    'elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-date">'
                    f'<time datetime="{pub_iso(rec)}">{esc(ui["date"](rec["date"]))}</time></span></li></ul>'))
    share = [f'<span class="elementor-share-label">{pg.b("share", ui["share"][0])}</span>']
    share += [f'<div class="elementor-grid-item"><div class="elementor-share-btn elementor-share-btn_{slugify(t)}" '
              f'role="button" tabindex="0"><span class="elementor-share-btn__text"><span class="elementor-share-btn__'
              f'title">{pg.b("share", t)}</span></span></div></div>' for t in ui["share"][1:]]
    col.append(pb.w("share-buttons", '<div class="elementor-grid">\n' + "\n".join(share) + "\n</div>"))
    col += ponte_body(pb, ui, rec, pg, others[0] if idx % 2 == 0 else None)
    if rec["kind"] == "partner-copy":
        note = ui["partner"].format(src=rec["art"]["partner"])
        col.append(pb.text(f'<p class="has-small-font-size"><em>{pg.b("partner-note", note)}</em></p>'))
    head_t, paras, btn = ui["appeals"][idx % 3]
    cta = [pb.heading("h3", pg.b("appeal-heading", head_t)),
           pb.text("\n".join(f"<p>{pg.b('appeal', p)}</p>" for p in paras)),
           pb.button("/clube/", pg.b("appeal-button", btn), " elementor-align-center")]
    col.append(pb.sec([("col-md-12", "\n".join(cta))], "elementor-inner-section"))
    prefix = pg.b("tags", ui["tags"])
    terms = ", ".join(f'<a href="/tema/{slugify(t)}/" class="elementor-post-info__terms-list-item">{pg.b("tags", t)}'
                      "</a>" for t in rec["art"]["tags"])
    col.append(pb.w("post-info", '<ul class="elementor-icon-list-items elementor-post-info"><li class="elementor-icon-'
                    'list-item"><span class="elementor-icon-list-text elementor-post-info__item elementor-post-info__'
                    f'item--type-terms"><span class="elementor-post-info__item-prefix">{prefix}'
                    f'</span> <span class="elementor-post-info__terms-list">{terms}</span></span></li></ul>'))
    if idx % 2 == 1:
        col.append(pb.button("#comentarios", pg.b("comments", ui["comments"].format(n=5 + idx * 7 % 40))))
    side = [pb.heading("h4", pg.b("latest", ui["latest"]))]
    posts = "\n".join(f'<article class="elementor-post elementor-grid-item post-{900 + o["idx"]}"><div '
                      f'class="elementor-post__text"><h3 class="elementor-post__title"><a href="{o["url"]}">'
                      f'{pg.b("latest", o["title"])}</a></h3></div></article>' for o in others[:5])
    side.append(pb.w("posts", '<div class="elementor-posts-container elementor-posts elementor-grid">\n'
                     f"{posts}\n</div>", " elementor-posts--skin-classic"))
    nl = ui["newsletter"]
    side += [pb.heading("h4", pg.b("newsletter", nl[0])), pb.text(f"<p>{pg.b('newsletter', nl[1])}</p>"),
             pb.w("form", '<form class="elementor-form" method="post" name="newsletter"><div class="elementor-form-'
                  'fields-wrapper"><div class="elementor-field-group elementor-field-type-email"><input type="email" '
                  'name="form_fields[email]" class="elementor-field" placeholder="E-mail" required></div><div class="'
                  'elementor-field-group elementor-field-type-submit"><button type="submit" class="elementor-button">'
                  f'<span class="elementor-button-text">{pg.b("newsletter", nl[2])}</span></button></div></div>'
                  "</form>")]
    pid = 4100 + idx * 13 + (0 if lang["code"] == "pt" else 500)
    out.append(f'<div data-elementor-type="single-post" data-elementor-id="{pid}" class="elementor elementor-{pid} '
               f'elementor-location-single post-{pid} noticia type-noticia status-publish">\n'
               + pb.sec([("col-md-8", "\n".join(col)), ("col-md-4", "\n".join(side))]) + "\n</div>")
    out.append(ponte_footer(pb, ui, pg))
    return ponte_doc(lang, head, f"wp-singular noticia-template-default single single-noticia postid-{pid}",
                     "\n".join(out))


def ponte_listing(recs: list[dict], lang: dict, url: str, title: str, items: list[dict]) -> str:
    pb, pg, ui = PB(), Page(), PONTE_UI[lang["code"]]
    posts = "\n".join(f'<article class="elementor-post elementor-grid-item"><div class="elementor-post__text">'
                      f'<h3 class="elementor-post__title"><a href="{r["url"]}">{esc(r["title"])}</a></h3>'
                      f'<div class="elementor-post__meta-data"><span class="elementor-post-date">'
                      f'{esc(ui["date"](r["date"]))}</span></div><div class="elementor-post__excerpt"><p>'
                      f'{esc(excerpt(r))}</p></div></div></article>' for r in items)
    main = pb.sec([("col-md-12", pb.heading("h1", esc(title)) + "\n" + pb.w(
        "posts", f'<div class="elementor-posts-container elementor-posts elementor-grid">\n{posts}\n</div>'))])
    inner = (ponte_header(pb, ui, pg) + '\n<div data-elementor-type="archive" class="elementor elementor-location-'
             f'archive">\n{main}\n</div>\n' + ponte_footer(pb, ui, pg))
    return ponte_doc(lang, meta_head(None, f"{title} – Ponte", url, "Ponte", ("/feed.xml", "application/rss+xml"),
                                     lang["html"]), "archive elementor-page", inner)


def build_ponte(out: pathlib.Path) -> str:
    name = "c-ponte"
    root = out / name
    recs = prepare([(PT, PT_ARTS), (CS, CS_ARTS)], name, dt.date(2024, 1, 15), 44)
    for r in recs:
        r["url"] = f"{PONTE_UI[r['lang']['code']]['prefix']}{slugify(r['title'])}.html"
    for r in recs:
        write(root, r["url"], ponte_article(recs, r))
    for lang in (PT, CS):
        ui = PONTE_UI[lang["code"]]
        mine = sorted((r for r in recs if r["lang"] is lang), key=lambda r: r["date"], reverse=True)
        write(root, ui["home"] if ui["home"] != "/" else "/index.html",
              ponte_listing(recs, lang, ui["home"], ui["home_title"], mine))
        for label, sec in ui["nav"]:
            url = f"{ui['sec_prefix']}{sec}.html"
            write(root, url, ponte_listing(recs, lang, url, f"{ui['sec_title']}: {label}",
                                           [r for r in mine if r["art"]["sec"] == sec]))
    items = "".join(
        f"<item>\n<title>{esc(r['title'])}</title>\n<link>{BASE}{r['url']}</link>\n"
        f'<guid isPermaLink="true">{BASE}{r["url"]}</guid>\n<pubDate>'
        f"{email.utils.format_datetime(dt.datetime.fromisoformat(pub_iso(r)))}</pubDate>\n"
        f"<dc:creator>{esc(', '.join(r['authors']))}</dc:creator>\n<description>{esc(excerpt(r, 30))}</description>\n"
        "</item>\n" for r in sorted(recs, key=lambda r: r["date"], reverse=True))
    feed = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n<title>Ponte</title>\n'
            f"<link>{BASE}/</link>\n<description>Notícias locais do Brasil e da Chéquia | Zprávy z Brazílie a Česka"
            f'</description>\n<language>pt-BR</language>\n<atom:link href="{BASE}/feed.xml" rel="self" '
            f'type="application/rss+xml"/>\n{items}</channel>\n</rss>\n')
    write_common(root, recs, "/feed.xml", feed)
    write(root, "/site.json", gold(name, ["pt", "cs"], "/feed.xml", r"^/(noticias|zpravy)/[a-z0-9-]+\.html$", recs))
    return name


# Language tables, site 2 (c-litoral): Romanian, English, Turkish

RO = dict(
    code="ro", html="ro-RO", tz="+02:00", k=(20, 99),
    months="ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie".split(),
    wd=["luni", "marți", "miercuri", "joi", "vineri"],
    others=["Galați", "Călărași", "Slobozia", "Focșani", "Buzău", "Râmnicu Sărat"],
    experts=[("Dan Apostol", "Universitatea Ovidius"), ("Oana Dragomir", "Academia de Studii Economice"),
             ("Florin Ungureanu", "Universitatea din București"), ("Simona Barbu", "Universitatea Dunărea de Jos"),
             ("Lucian Mocanu", "Institutul Național de Cercetare Marină"),
             ("Adriana Nistor", "Universitatea Politehnica")],
    residents=["Vasile Manole", "Elena Cojocaru", "Nicolae Tudose", "Maria Stan", "Ion Costache", "Gabriela Neagu"],
    reporters=["Ioana Petrescu", "Bogdan Enache", "Alina Munteanu", "Cristian Toma"],
    photographers=["Sorin Lupu", "Diana Gheorghe"],
    lead=[
        "{Org} a anunțat {wd} că {subj} ar urma să înceapă în {month} {y}. Investiția este estimată la {m} de "
        "milioane de lei, iar aproximativ {k} de mii de locuitori din {city} ar urma să simtă direct efectele "
        "schimbărilor anunțate.",
        "După luni de discuții cu locuitorii și specialiștii, {org} a confirmat că {subj} va începe în {month}. "
        "Anunțul a fost făcut la {city}, într-o dezbatere publică la care au participat aproximativ {n} de persoane "
        "și care a durat mai bine de trei ore, cu întrebări despre termene, costuri și trafic.",
    ],
    body=[
        "{fact} Calendarul prezentat de echipa tehnică împarte lucrările în {st} etape, ceea ce, potrivit "
        "responsabililor, reduce riscul de întârzieri și permite corecturi fără oprirea întregului proiect.",
        "„{quote}”, a declarat {off}. Potrivit autorităților, primele rezultate vor fi prezentate public în {month2}, "
        "împreună cu date detaliate pentru fiecare cartier vizat.",
        "Specialiștii consultați de redacție sunt prudenți. „Astfel de proiecte își pierd adesea suflul după "
        "alegeri. Provocarea la {city} va fi menținerea finanțării în anii următori”, spune {exp}, de la {univ}.",
        "{res} locuiește în {city} de {yrs} ani și spune că vestea a fost primită cu ușurare, dar și cu neîncredere: "
        "„Am mai auzit promisiuni asemănătoare. De data asta vreau să văd utilajele pe stradă.” Asociația de "
        "proprietari vrea să urmărească îndeaproape fiecare etapă.",
        "Bugetul total se ridică la {m} de milioane de lei, din care aproximativ {pct} la sută provin din fonduri "
        "europene. Restul va fi acoperit din bugetul local și dintr-un împrumut care trebuie încă aprobat de "
        "consilierii din {city}, ceea ce ar putea amâna o parte din calendar.",
        "Opoziția critică ritmul în care avansează proiectul. Potrivit consilierilor care s-au opus, {subj} vine "
        "prea târziu și fără studii de impact suficiente, mai ales pentru familiile cu venituri mici din cartierele "
        "aflate departe de centrul orașului {city}.",
        "Următorii pași includ publicarea licitației, programată pentru {month2}, și alegerea firmelor care vor "
        "executa lucrările. Autoritățile promit rapoarte lunare online despre {subj}, astfel încât cetățenii să "
        "poată urmări termenele și cheltuielile.",
        "Inițiative asemănătoare au mai fost testate și în alte orașe, cu rezultate diferite. La {other}, de exemplu, "
        "un program similar a durat aproape {yrs2} ani, iar specialiștii implicați la {city} spun că au studiat "
        "greșelile făcute acolo înainte de a finaliza planul.",
    ],
    close="Contactați de redacție, reprezentanții instituției au precizat că noi dezbateri publice vor avea loc în "
    "săptămânile următoare, iar propunerile locuitorilor din {city} pot fi trimise prin site-ul oficial până la "
    "sfârșitul lunii {month2}.",
    li="Documentul prezentat {wd} la {city}, care urmează să fie votat de consilieri, detaliază obiectivele "
    "proiectului, costurile și termenele fiecărei etape. Printre punctele care au atras cel mai mult atenția "
    "participanților la dezbatere se numără:",
    items=["investiție estimată la {m} de milioane de lei", "aproximativ {k} de mii de locuitori din {city} vizați",
           "finalizare estimată în {month} {y2}"],
    sub=["Ce se schimbă la {city}", "Următorii pași la {city}", "Cine plătește factura la {city}"],
    cap="Echipa tehnică, în timpul unei inspecții la {city}",
)

RO_ARTS = [
    dict(h="Constanța modernizează portul turistic Tomis cu fonduri europene", sec="local", city="Constanța",
         subj="modernizarea portului turistic Tomis", org="Primăria Constanța", off="viceprimarul Andrei Stănescu",
         fact="Lucrările includ refacerea digului de protecție, pontoane noi pentru ambarcațiuni mici și o promenadă "
         "deschisă publicului pe toată durata anului.", tags=["Proiecte UE", "Turism nautic"],
         quote="Portul Tomis trebuie să devină un loc în care localnicii vin și iarna, nu doar o parcare pentru "
         "iahturi în sezon"),
    dict(h="Tulcea pregătește decolmatarea canalelor din zona Mila 23", sec="mediu", city="Tulcea",
         subj="programul de decolmatare a canalelor din zona Mila 23", off="biologul Mihai Lungu",
         org="Administrația Rezervației Biosferei Delta Dunării", tags=["Biodiversitate", "Rezervații naturale"],
         fact="Canalele colmatate au redus circulația apei, iar pescarii din satele izolate spun că peștele a devenit "
         "tot mai greu de găsit în ultimii ani.",
         quote="Dacă apa nu mai circulă, delta se sufocă încet, iar primii care simt asta sunt oamenii care trăiesc "
         "din pescuit"),
    dict(h="Hotelierii din Mangalia vor un sezon mai lung, cu evenimente de toamnă", sec="economie", city="Mangalia",
         subj="programul de evenimente pentru extrasezon", org="Asociația Hotelierilor din Mangalia",
         off="președinta asociației, Irina Dobre", tags=["Turism", "Sezonul estival"],
         fact="Gradul de ocupare a scăzut sub o treime după jumătatea lui septembrie, deși vremea a rămas caldă până "
         "aproape de sfârșitul lui octombrie.",
         quote="Avem mare și soare și în octombrie, ne lipsesc doar motivele pentru care turiștii să mai rămână "
         "câteva zile"),
    dict(h="Liceul Tehnologic din Medgidia primește laboratoare noi de robotică", sec="educatie", city="Medgidia",
         subj="dotarea laboratoarelor de robotică de la Liceul Tehnologic", org="Consiliul Județean Constanța",
         off="directoarea liceului, Carmen Ionescu", tags=["Învățământ dual", "Competențe digitale"],
         fact="Elevii vor lucra pe kituri de automatizare similare celor folosite în fabricile din zona industrială "
         "a orașului.",
         quote="Copiii pleacă de aici cu o meserie în mână, iar angajatorii din zonă ne spun că au nevoie de ei "
         "imediat"),
    dict(h="Spitalul Județean Brăila va avea o secție nouă de recuperare medicală", sec="sanatate", city="Brăila",
         subj="amenajarea secției de recuperare medicală a Spitalului Județean", org="Consiliul Județean Brăila",
         off="medicul-șef al secției, Radu Marinescu", tags=["Spitale publice", "Fizioterapie"],
         fact="Secția va avea patruzeci de paturi și un bazin pentru hidroterapie, iar pacienții nu vor mai fi "
         "nevoiți să meargă la Galați sau București pentru tratament.",
         quote="Pentru un pacient după un accident vascular, fiecare săptămână de recuperare pierdută contează enorm"),
    dict(kind="gallery", h="Zilele Sulinei, în imagini: bărci, pescari și un oraș la capătul Dunării", sec="galerie",
         tags=["Festivaluri", "Fotogalerie"],
         intro=["Sulina a sărbătorit la începutul lui august zilele orașului, iar timp de trei zile strada principală "
                "de pe malul Dunării s-a transformat într-o scenă lungă, cu tarabe de pește afumat, ateliere de "
                "împletit plase și concerte care au ținut până după miezul nopții. Orașul, la care se ajunge doar cu "
                "vaporul, și-a triplat populația pentru un weekend.",
                "Fotoreporterul nostru a urmărit pregătirile încă din zori, când pescarii își reparau bărcile pentru "
                "cursa tradițională de canotci, și a rămas până la focul de artificii de pe faleză. Organizatorii "
                "spun că au venit peste șase mii de vizitatori, cei mai mulți din Tulcea, Galați și București.",
                "Primăria speră ca sărbătoarea să devină un motiv pentru ca turiștii să rămână mai mult în deltă, nu "
                "doar să treacă prin Sulina în drum spre plajă. Anul acesta, pensiunile au fost ocupate complet, iar "
                "unii vizitatori au dormit în corturi pe terenul din spatele farului vechi."],
         caps=["Bărcile participante la cursa de canotci se aliniază la start, în dreptul vechiului sediu al "
               "Comisiei Europene a Dunării.",
               "Un pescar repară o plasă pe ponton, cu câteva ore înainte de deschiderea oficială a festivalului.",
               "Vizitatorii stau la coadă pentru ciorba de pește pregătită în ceaune uriașe pe faleza orașului.",
               "Copiii din ansamblul folcloric al școlii gimnaziale dansează pe scena amenajată lângă debarcader.",
               "Focul de artificii luminează farul vechi și apele Dunării în ultima seară a sărbătorii."]),
]

EN = dict(
    code="en", html="en-GB", tz="+02:00", k=(5, 95),
    months="January February March April May June July August September October November December".split(),
    wd=["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    others=["Brăila", "Galați", "Craiova", "Iași", "Sibiu", "Oradea"],
    experts=[("Dr Andrei Matei", "Ovidius University"), ("Professor Laura Stoica", "the Bucharest University of "
             "Economic Studies"), ("Mihnea Radu", "the Romanian Academy"), ("Dr Hannah Kessler", "the University "
             "of Vienna"), ("Corina Vlad", "the Danube Delta National Institute"), ("Victor Neagu", "Politehnica "
             "University of Bucharest")],
    residents=["Gheorghe Anton", "Mariana Sava", "Peter Lowe", "Elisabeta Marin", "Costel Dinu", "Rodica Pavel"],
    reporters=["Sarah Whitfield", "Tom Hargreaves", "Mara Ilie", "James Corbett"],
    photographers=["Radu Voicu", "Emma Clarke"],
    lead=[
        "{Org} announced on {wd} that {subj} is due to begin in {month} {y}. The investment is estimated at {m} "
        "million lei, and officials expect around {k},000 residents of {city} to feel the effects of the changes "
        "directly.",
        "After months of talks with residents and engineers, {org} confirmed that {subj} will start in {month}. The "
        "announcement was made in {city} at a public hearing attended by about {n} people, which ran for more than "
        "three hours and covered deadlines, costs and traffic.",
    ],
    body=[
        "{fact} The timetable presented by the technical team splits the work into {st} stages, which, according to "
        "those in charge, reduces the risk of delays and allows adjustments without halting the entire project.",
        "“{quote},” said {off}. According to officials, the first results will be presented publicly in {month2}, "
        "together with detailed figures for each neighbourhood affected.",
        "Specialists are cautiously optimistic. “Projects like this often lose momentum after an election. The "
        "challenge in {city} will be keeping the money flowing in the years ahead,” said {exp} of {univ}.",
        "{res}, who has lived in {city} for {yrs} years, said the plan had been greeted with relief but also with "
        "some scepticism. “We have heard similar promises before. This time I want to see the diggers on the "
        "street.” A residents’ association plans to follow every stage closely.",
        "The total budget comes to {m} million lei, of which about {pct} per cent is expected to come from EU funds. "
        "The rest will be covered by the local budget and a loan that still needs approval from councillors in "
        "{city}, which could push part of the schedule back.",
        "Opposition councillors have criticised the pace of the plan, arguing that {subj} comes too late and without "
        "proper impact studies, especially for low-income families living in districts far from the centre of "
        "{city}.",
        "The next steps include publishing the tender, scheduled for {month2}, and selecting the contractors. "
        "Officials have promised monthly online reports on {subj}, so that the public can track deadlines, spending "
        "and any changes to the schedule.",
        "Similar schemes have been tried in other towns with mixed results. In {other}, for example, a comparable "
        "programme took almost {yrs2} years to complete, and planners working in {city} say they studied the "
        "mistakes made there before finalising their design.",
    ],
    close="Asked for comment, a spokesperson said further public consultations would take place in the coming "
    "weeks and that residents of {city} could submit suggestions through the official website until the end of "
    "{month2}.",
    li="The document presented on {wd} in {city}, which councillors still have to vote on, sets out the project's "
    "goals, its costs and the deadlines for each phase. The points that drew most attention from those attending "
    "the hearing include:",
    items=["an estimated investment of {m} million lei", "around {k},000 residents of {city} affected",
           "completion expected in {month} {y2}"],
    sub=["What changes in {city}", "Next steps for {city}", "Who pays the bill in {city}"],
    cap="Engineers during a site inspection in {city}",
)

EN_ARTS = [
    dict(h="Mamaia beach widening project enters second phase", sec="environment", city="Mamaia",
         subj="the second phase of the beach widening works", org="the environment ministry",
         off="project coordinator Elena Vasilescu", tags=["Coastal erosion", "Seaside resorts"],
         fact="Dredgers will pump sand from offshore deposits onto a four-kilometre stretch between the casino and "
         "the northern hotels, where erosion has eaten away up to twenty metres of beach.",
         quote="Without new sand, some hotels would have had the sea at their terrace steps within a decade"),
    dict(h="Cernavodă backs cycle path along the Danube–Black Sea Canal", sec="local", city="Cernavodă",
         subj="work on the proposed cycle path along the Danube–Black Sea Canal", org="the town council",
         off="local cycling campaigner Dan Popa", tags=["Cycling", "Road safety"],
         fact="The route would follow an existing service road for most of its length, but two sections near the "
         "locks would need new embankments.",
         quote="Right now cyclists share a narrow road with lorries heading to the port, and everyone here knows "
         "someone who has had a close call"),
    dict(h="Constanța port plans bigger grain terminal as lorry queues grow", sec="business", city="Constanța",
         subj="the expansion of the grain terminal at Pier 4", org="the port administration",
         off="port operations director Sorin Georgescu", tags=["Shipping", "Grain exports"],
         fact="Queues of lorries on the approach roads have stretched for several kilometres at peak times, "
         "prompting complaints from residents of nearby neighbourhoods.",
         quote="We can add storage capacity relatively quickly, but road and rail access is the real bottleneck"),
    dict(h="Eforie to get new mud-therapy clinic by Lake Techirghiol", sec="health", city="Eforie",
         subj="construction of a new treatment centre by Lake Techirghiol", org="the county health authority",
         off="clinic manager Ana Moldovan", tags=["Spa tourism", "Rehabilitation"],
         fact="The sapropelic mud from the lake has been used to treat rheumatism for more than a century, and the "
         "clinic will also offer physiotherapy and hydrotherapy.",
         quote="Patients from abroad already travel here for the mud; what they have been missing is modern "
         "accommodation and proper medical follow-up"),
    dict(h="Danube Delta eco-museum prepares to reopen its aquarium", sec="culture", city="Tulcea",
         subj="the final stage of renovation at the Danube Delta eco-museum aquarium", org="the county council",
         off="museum director Cristina Florea", tags=["Museums", "Wildlife"],
         fact="The renovated tanks will hold more than forty species of fish found in the delta, including sturgeon "
         "raised in a breeding programme on the river.",
         quote="Most children in Tulcea have never seen a sturgeon, even though the fish is part of the history of "
         "this town"),
    dict(kind="gallery", h="In pictures: Constanța's Casino reopens after a decade behind scaffolding",
         sec="gallery", tags=["Architecture", "Photo essays"],
         intro=["For more than ten years the Art Nouveau Casino on Constanța's seafront was hidden behind scaffolding "
                "and safety netting. This summer the building finally opened its doors again, and thousands of "
                "people queued along the promenade on the first weekend to see the restored ballroom, the "
                "sea-facing terrace and the ornate staircase that many locals knew only from old postcards.",
                "Our photographer was given access in the days before the reopening, as restorers were still "
                "polishing brass fittings and electricians tested the replica chandeliers. Missing plaster "
                "decorations were reconstructed from archive photographs and from fragments recovered from the "
                "rubble inside the building.",
                "The Casino will host exhibitions, concerts and conferences, and the county council says it wants "
                "the building to stay open all year rather than only during the tourist season. Guided tours run "
                "every afternoon, and tickets for the first month sold out within days."],
         caps=["Visitors queue along the seafront promenade on the first morning after the Casino reopened.",
               "A restorer polishes the bronze balustrade of the main staircase two days before the opening.",
               "The restored ballroom, with its replica chandeliers, seen from the gallery on the upper floor.",
               "Plaster decorations on the sea-facing façade were rebuilt from archive photographs and fragments.",
               "The Casino lit up at dusk, seen from the breakwater at the entrance to the old port."]),
]

TR = dict(
    code="tr", html="tr-TR", tz="+03:00", k=(5, 95),
    months="Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık".split(),
    wd=["Pazartesi günü", "Salı günü", "Çarşamba günü", "Perşembe günü", "Cuma günü"],
    others=["Kastamonu'da", "Bartın'da", "Artvin'de", "Düzce'de", "Amasya'da", "Giresun'da"],
    experts=[("Prof. Dr. Nuri Tekin", "Ondokuz Mayıs Üniversitesi"), ("Doç. Dr. Gülay Ersoy", "Karadeniz Teknik "
             "Üniversitesi"), ("Dr. Levent Uçar", "Sinop Üniversitesi"), ("Prof. Dr. Aylin Sezer", "Ordu "
             "Üniversitesi"), ("Doç. Dr. Okan Bilgin", "Zonguldak Bülent Ecevit Üniversitesi"),
             ("Dr. Derya Kurt", "Recep Tayyip Erdoğan Üniversitesi"), ("Prof. Dr. Cem Akın", "Giresun Üniversitesi")],
    residents=["Fatma Kılıç", "Mehmet Arslan", "Hatice Doğan", "Ali Yavuz", "Emine Koç", "Mustafa Şen"],
    reporters=["Ayşe Demirtaş", "Emre Kaya", "Selin Aydın", "Burak Çelik"],
    photographers=["Onur Gök", "Merve Tan"],
    lead=[
        "{Org}, {wd} yaptığı açıklamada {subj} için çalışmaların {y} yılının {month} ayında başlayacağını duyurdu. "
        "Yatırımın maliyetinin {m} milyon lira olması beklenirken, {yerde} yaşayan yaklaşık {k} bin kişinin "
        "değişikliklerden doğrudan etkilenmesi öngörülüyor.",
        "Sakinler ve uzmanlarla aylarca süren görüşmelerin ardından {org}, {subj} için ilk adımın {month} ayında "
        "atılacağını doğruladı. Açıklama {yerde} düzenlenen ve yaklaşık {n} kişinin katıldığı, üç saatten uzun "
        "süren halka açık bir toplantıda yapıldı; katılımcılar en çok süreleri, maliyetleri ve trafiği sordu.",
    ],
    body=[
        "{fact} Teknik ekibin sunduğu takvim işi {st} aşamaya bölüyor; yetkililere göre bu yöntem gecikme riskini "
        "azaltıyor ve projenin tamamını durdurmadan düzeltme yapılmasına imkân tanıyor.",
        "{off}, “{quote}” dedi. Yetkililere göre ilk sonuçlar {month2} ayında, her mahalle için ayrıntılı verilerle "
        "birlikte kamuoyuyla paylaşılacak.",
        "Uzmanlar temkinli bir iyimserlik içinde. {univ} öğretim üyesi {exp}, “Bu tür projeler seçimlerden sonra sık "
        "sık hız kaybediyor. {yerde} asıl mesele, önümüzdeki yıllarda finansmanın sürdürülmesi olacak” "
        "değerlendirmesinde bulundu.",
        "{yrs} yıldır {yerde} yaşayan {res}, haberin rahatlamayla ama aynı zamanda şüpheyle karşılandığını "
        "söylüyor: “Benzer sözleri daha önce de duyduk. Bu sefer iş makinelerini sokakta görmek istiyorum.” "
        "Mahalle derneği her aşamayı yakından takip etmeyi planlıyor.",
        "Toplam bütçe {m} milyon lira olarak hesaplanıyor ve bunun yaklaşık yüzde {pct} kadarının ulusal kalkınma "
        "fonlarından karşılanması bekleniyor. Geri kalanı yerel bütçeden ve {yerde} belediye meclisinin henüz "
        "onaylamadığı bir krediyle finanse edilecek; bu da takvimin bir kısmını erteleyebilir.",
        "Muhalefet ise sürecin hızını eleştiriyor. Projeye karşı çıkan meclis üyelerine göre {subj} hem geç kalmış "
        "hem de özellikle şehir merkezine uzak mahallelerde yaşayan dar gelirli aileler için yeterli etki analizi "
        "yapılmadan hazırlanmış durumda.",
        "Sonraki adımlar arasında {month2} ayında yapılması planlanan ihale ve yüklenici firmaların seçimi "
        "bulunuyor. Yetkililer, vatandaşların süreleri ve harcamaları izleyebilmesi için {subj} hakkında her ay "
        "internet üzerinden rapor yayımlayacaklarını söyledi.",
        "Benzer uygulamalar başka şehirlerde de farklı sonuçlarla denendi. Örneğin {other} benzer bir programın "
        "tamamlanması yaklaşık {yrs2} yıl sürdü; {yerde} çalışan planlamacılar son tasarımı hazırlamadan önce "
        "oradaki hataları incelediklerini ve sürecin her aşamasında bağımsız uzmanlardan görüş alacaklarını "
        "belirtiyor.",
    ],
    close="Konuyla ilgili sorularımızı yanıtlayan yetkililer, önümüzdeki haftalarda yeni halk toplantıları "
    "yapılacağını ve {yerde} yaşayanların önerilerini {month2} ayının sonuna kadar resmi internet sitesi üzerinden "
    "iletebileceğini bildirdi. Toplantı tarihlerinin belediyenin sosyal medya hesaplarından da ayrıca duyurulacağı "
    "belirtildi.",
    li="{wd} {yerde} sunulan ve belediye meclisinin önümüzdeki oturumda oylaması beklenen belge, projenin "
    "hedeflerini, maliyetini ve her aşamanın takvimini ayrıntılı biçimde ortaya koyuyor. Halka açık toplantıya "
    "katılanların en çok dikkatini çeken maddeler şunlar:",
    items=["tahmini {m} milyon liralık yatırım", "{yerde} yaklaşık {k} bin kişiyi etkileyecek düzenlemeler",
           "{y2} yılının {month} ayı için öngörülen bitiş tarihi"],
    sub=["{yerde} neler değişecek?", "{yerde} sonraki adımlar", "{yerde} faturayı kim ödeyecek?"],
    cap="Teknik ekip, {yerde} yapılan saha incelemesi sırasında",
)

TR_ARTS = [
    dict(h="Samsun'da sahil boyunca yeni bisiklet yolu yapılacak", sec="gundem", yerde="Samsun'da",
         subj="sahil boyunca uzanacak yeni bisiklet yolu", org="Samsun Büyükşehir Belediyesi",
         off="Fen İşleri Daire Başkanı Murat Aksoy", tags=["Ulaşım", "Kent yaşamı"],
         fact="Güzergâh Atakum ile İlkadım arasındaki yaklaşık on iki kilometrelik kıyı şeridini kapsıyor ve mevcut "
         "yürüyüş yolundan ayrı bir şerit olarak tasarlandı.",
         quote="Sahili yalnızca arabayla geçilen bir yer olmaktan çıkarıp insanların gerçekten vakit geçirdiği bir "
         "alana dönüştürmek istiyoruz"),
    dict(h="Trabzon'da fındık üreticileri ortak kooperatif kuruyor", sec="ekonomi", yerde="Trabzon'da",
         subj="üreticilerin kuracağı yeni fındık kooperatifi", org="Trabzon Ticaret Borsası",
         off="kooperatifin kurucu üyelerinden Hasan Karadeniz", tags=["Tarım", "Kooperatifçilik"],
         fact="Kooperatif, ortak depolama ve kurutma tesisleri sayesinde küçük üreticilerin ürünlerini hasattan "
         "hemen sonra düşük fiyata satmak zorunda kalmamasını hedefliyor.",
         quote="Küçük bahçesi olan üretici tek başına pazarlık gücüne sahip değil ama bir araya geldiğimizde durum "
         "değişiyor"),
    dict(h="Sinop'ta deniz çayırlarını korumak için haritalama başladı", sec="cevre", yerde="Sinop'ta",
         subj="deniz çayırlarının haritalanması ve korunması çalışması", org="Sinop Belediyesi",
         off="deniz biyoloğu Doç. Dr. Elif Şahin", tags=["Karadeniz ekosistemi", "Doğa koruma"],
         fact="Dalgıçlar, limanın doğusundaki koylarda çayır alanlarının sınırlarını tek tek işaretleyecek ve "
         "demirleme yasağı getirilecek bölgeler belirlenecek.",
         quote="Deniz çayırları balıkların yumurtlama alanı; onları kaybedersek birkaç yıl içinde ağlar da boş "
         "dönmeye başlar"),
    dict(h="Ordu'da tarihi tütün deposu kültür merkezine dönüşüyor", sec="kultur", yerde="Ordu'da",
         subj="tarihi tütün deposunun kültür merkezine dönüştürülmesi", org="Ordu Büyükşehir Belediyesi",
         off="proje mimarı Zeynep Erdem", tags=["Tarihi yapılar", "Restorasyon"],
         fact="Yapının taş duvarları korunacak, içeride sergi salonları, bir kütüphane ve yerel el sanatları için "
         "atölyeler yer alacak.",
         quote="Bu bina şehrin ekonomik hafızasını taşıyor; onu yıkmak yerine yeniden hayata döndürmeyi seçtik"),
    dict(h="Zonguldak'ta madencilere yönelik akciğer taraması genişliyor", sec="saglik", yerde="Zonguldak'ta",
         subj="emekli madencileri de kapsayacak akciğer tarama programı", org="Zonguldak Valiliği",
         off="göğüs hastalıkları uzmanı Dr. Kemal Öztürk", tags=["İş sağlığı", "Madencilik"],
         fact="Mobil tarama aracı önümüzdeki aylarda Kozlu, Kilimli ve Ereğli'deki mahalleleri dolaşacak ve "
         "randevusuz başvuru kabul edecek.",
         quote="Meslek hastalıklarında erken teşhis her şeyi değiştiriyor, ama birçok emekli madenci hastaneye ancak "
         "şikâyetleri ağırlaştığında geliyor"),
    dict(h="Rize'de çay teknolojisi bölümü olan yeni meslek lisesi açılıyor", sec="egitim", yerde="Rize'de",
         subj="çay işleme teknolojisi bölümü bulunan yeni meslek lisesi", org="Rize Valiliği",
         off="okul müdürü Serkan Yıldız", tags=["Mesleki eğitim", "Çay sektörü"],
         fact="Öğrenciler eğitimlerinin bir bölümünü bölgedeki çay fabrikalarında staj yaparak geçirecek ve makine "
         "bakımı ile kalite kontrol konusunda uzmanlaşacak.",
         quote="Fabrikalar kalifiye teknisyen bulmakta zorlanıyor, gençler ise iş bulmak için şehirden ayrılıyor; bu "
         "okul iki sorunu birden çözebilir"),
]

EDITIONS = [("Română", "/"), ("English", "/en/index.html"), ("Türkçe", "/tr/index.html")]
LITORAL_UI = {
    "ro": dict(
        prefix="/ro/stiri/", gallery="/ro/galerie/", home="/", sec_prefix="/ro/sectiune/", by="de", join=" și ",
        nav=[("Local", "local"), ("Economie", "economie"), ("Mediu", "mediu"), ("Educație", "educatie"),
             ("Sănătate", "sanatate"), ("Galerii", "galerie")],
        date=lambda d: f"{d.day} {RO['months'][d.month - 1]} {d.year}", credit="Foto: {p} / Litoral Expres",
        share=["Distribuie:", "Facebook", "WhatsApp", "Copiază linkul"], related="Citește și:",
        box="Pe aceeași temă", latest="Cele mai citite", tags="Etichete:", comments="Vezi cele {n} de comentarii",
        home_title="Ultimele știri", newsletter=["Newsletterul de dimineață", "Primește în fiecare dimineață, la ora "
                                                "7, cele mai importante știri din Dobrogea direct pe e-mail.",
                                                "Mă abonez"],
        cookie=["Folosim cookie-uri pentru a îmbunătăți experiența de navigare și pentru a analiza traficul. "
                "Continuând navigarea, ești de acord cu politica noastră de confidențialitate.", "Sunt de acord",
                "Setări cookie-uri"],
        footer=["Despre noi", "Echipa redacțională", "Politica de confidențialitate", "Termeni și condiții", "Scrie-ne",
                "© 2025 Litoral Media SRL. Toate drepturile rezervate."],
        appeals=[("Jurnalismul local are nevoie de tine", ["Litoral Expres este susținut de cititori. Cu o donație "
                  "lunară ne ajuți să publicăm anchete pe care nimeni altcineva nu le face în Dobrogea."],
                  "Susține Litoral Expres"),
                 ("Intră în Clubul Litoral", ["Membrii primesc ediția de weekend înaintea tuturor, participă la "
                  "întâlniri cu redacția și citesc fără limită de articole.", "Abonamentul anual costă mai puțin "
                  "decât o cafea pe săptămână."], "Vreau să devin membru"),
                 ("Ai ajuns la finalul încă unui articol", ["Ca să citești tot ce publicăm despre orașul tău, alege "
                  "unul dintre abonamentele noastre digitale. Îl poți anula oricând, fără penalități."],
                  "Vezi abonamentele")]),
    "en": dict(
        prefix="/en/news/", gallery="/en/gallery/", home="/en/index.html", sec_prefix="/en/section/", by="By",
        join=" and ", nav=[("News", "local"), ("Business", "business"), ("Environment", "environment"),
                           ("Culture", "culture"), ("Health", "health"), ("Galleries", "gallery")],
        date=lambda d: f"{d.day} {EN['months'][d.month - 1]} {d.year}", credit="Photo: {p} / Litoral Expres",
        share=["Share this story:", "Facebook", "WhatsApp", "Email", "Copy link"], related="Read more:",
        box="More on this topic", latest="Most read", tags="Topics:", comments="Read {n} comments",
        home_title="Latest from the coast", newsletter=["The Morning Brief", "Get the most important news from the "
                                                        "coast in your inbox every weekday at 7 a.m.", "Sign up"],
        cookie=["We use cookies to improve your experience and to analyse traffic. By continuing to browse, you "
                "agree to our privacy policy.", "Accept all", "Manage settings"],
        footer=["About us", "Our team", "Privacy policy", "Terms of use", "Contact us",
                "© 2025 Litoral Media SRL. All rights reserved."],
        appeals=[("Local journalism needs you", ["Litoral Expres is funded by its readers. A monthly contribution "
                  "helps pay for reporting from the coast that no one else is doing."], "Support our journalism"),
                 ("Join the Litoral Club", ["Members get the weekend edition early, meet our reporters at regular "
                  "events and read without any article limits.", "An annual membership costs less than a coffee a "
                  "week."], "Become a member"),
                 ("You have reached the end of another story", ["To keep reading everything we publish about your "
                  "town, choose one of our digital subscription plans. Cancel at any time, with no fees."],
                  "See subscription plans")]),
    "tr": dict(
        prefix="/tr/haber/", gallery="/tr/galeri/", home="/tr/index.html", sec_prefix="/tr/kategori/", by="Haber:",
        join=" ve ", nav=[("Gündem", "gundem"), ("Ekonomi", "ekonomi"), ("Çevre", "cevre"), ("Kültür", "kultur"),
                          ("Sağlık", "saglik"), ("Eğitim", "egitim")],
        date=lambda d: f"{d.day} {TR['months'][d.month - 1]} {d.year}", credit="Fotoğraf: {p} / Litoral Expres",
        share=["Paylaş:", "Facebook", "WhatsApp", "Bağlantıyı kopyala"], related="İlgili haber:",
        box="Bunlar da ilginizi çekebilir", latest="En çok okunanlar", tags="Etiketler:",
        comments="{n} yorumu görüntüle", home_title="Son haberler",
        newsletter=["Sabah Bülteni", "Bölgeden en önemli haberler her sabah saat 7'de e-posta kutunuzda.",
                    "Abone ol"],
        cookie=["Deneyiminizi iyileştirmek ve trafiği analiz etmek için çerezler kullanıyoruz. Gezinmeye devam "
                "ederek gizlilik politikamızı kabul etmiş olursunuz.", "Tümünü kabul et", "Çerez ayarları"],
        footer=["Hakkımızda", "Künye", "Gizlilik politikası", "Kullanım koşulları", "İletişim",
                "© 2025 Litoral Media SRL. Tüm hakları saklıdır."],
        appeals=[("Yerel gazetecilik size ihtiyaç duyuyor", ["Litoral Expres okurlarının desteğiyle ayakta duruyor. "
                  "Aylık bağışınızla kimsenin yapmadığı bölge haberlerini yayımlamamıza yardım edin."],
                  "Bize destek olun"),
                 ("Litoral Kulübü'ne katılın", ["Üyeler hafta sonu sayısını herkesten önce okuyor, editörlerle "
                  "düzenli buluşmalara katılıyor ve makale sınırı olmadan okuyor.", "Yıllık üyelik haftada bir "
                  "kahveden daha ucuz."], "Üye olmak istiyorum"),
                 ("Bir haberin daha sonuna geldiniz", ["Şehriniz hakkında yayımladığımız her şeyi okumaya devam "
                  "etmek için dijital abonelik planlarımızdan birini seçin. İstediğiniz zaman ücretsiz iptal "
                  "edebilirsiniz."], "Abonelik planlarını gör")]),
}


# Site 2: c-litoral -- newspaper CMS markup


def litoral_top(ui: dict, lang: dict, pg: Page, head: str, attrs: str) -> str:
    nav = "\n".join(f'<li class="site-nav__item" data-section="{sec}"><a class="site-nav__link" href="'
                    f'{ui["sec_prefix"]}{sec}.html">{pg.b("nav", label)}</a></li>' for label, sec in ui["nav"])
    eds = "\n".join(f'<li class="edition-switch__item"><a href="{href}" hreflang="{code}">{pg.b("nav", label)}</a>'
                    "</li>" for (label, href), code in zip(EDITIONS, ("ro", "en", "tr"), strict=True))
    return (f'<!DOCTYPE html>\n<html lang="{lang["code"]}" data-edition="{lang["code"]}">\n<head>\n{head}\n'
            f'<link rel="stylesheet" href="/static/css/main.4f1c2a.css">\n</head>\n<body {attrs}>\n'
            '<header class="site-header" data-component="masthead">\n<div class="site-header__top">'
            f'<a class="site-header__logo" href="{ui["home"]}" aria-label="Litoral Expres"><svg width="180" '
            'height="32" aria-hidden="true"><use href="/static/img/sprite.svg#logo"></use></svg></a>\n'
            f'<section class="edition-switch" data-component="edition-switch"><ul>\n{eds}\n</ul></section></div>\n'
            f'<nav class="site-nav" data-component="primary-nav">\n<ul class="site-nav__list">\n{nav}\n</ul>\n</nav>\n'
            "</header>\n")


def litoral_bottom(ui: dict, pg: Page) -> str:
    links = "\n".join(f'<li><a href="/pagini/{slugify(t, 3)}.html">{pg.b("footer", t)}</a></li>'
                      for t in ui["footer"][:-1])
    copy, ck = pg.b("footer", ui["footer"][-1]), ui["cookie"]
    return (f'<footer class="site-footer" data-component="footer">\n<section class="site-footer__links" data-region='
            f'"footer-links"><ul>\n{links}\n</ul></section>\n<section class="site-footer__legal"><p class="'
            f'site-footer__copyright">{copy}</p></section>\n</footer>\n'
            '<section class="consent-banner" data-component="consent" role="dialog" aria-live="polite">\n'
            f'<p class="consent-banner__text">{pg.b("cookie", ck[0])}</p>\n<div class="consent-banner__actions">'
            f'<button type="button" data-consent="accept">{pg.b("cookie", ck[1])}</button> <button type="button" '
            f'data-consent="settings">{pg.b("cookie", ck[2])}</button></div>\n</section>\n'
            '<script src="/static/js/app.9c2e11.js" defer></script>\n</body>\n</html>\n')


def litoral_figure(rec: dict, pg: Page, ui: dict, caption: str, n: int, cls: str) -> str:
    credit = ui["credit"].format(p=rec["lang"]["photographers"][(rec["idx"] + n) % 2])
    return (f'<figure class="{cls}__figure" data-asset-id="{rec["aid"] * 10 + n}"><img src="/img/{rec["aid"]}/{n}.jpg"'
            f' width="1280" height="720" alt="" loading="lazy">\n<figcaption class="{cls}__figcaption"><p class="'
            f'{cls}__caption">{pg.s(caption)}</p> <p class="{cls}__credit">{pg.b("credit", credit)}</p></figcaption>'
            "</figure>")


def litoral_text(ui: dict, rec: dict, pg: Page, others: list[dict]) -> str:
    parts, pcount, idx = [], 0, rec["idx"]
    for kind, val in rec["blocks"]:
        if kind == "p":
            parts.append(f"<p>{pg.s(val)}</p>")
        elif kind == "quote":
            parts.append(f'<blockquote class="article__quote" data-embed="quote"><p>{pg.s(val)}</p></blockquote>')
        elif kind == "ul":
            parts.append('<ul class="article__list">' + "".join(f"<li>{pg.s(i)}</li>" for i in val) + "</ul>")
        elif kind == "h2":
            parts.append(f'<h2 class="article__subheading">{pg.s(val)}</h2>')
        elif kind == "fig":
            parts.append(litoral_figure(rec, pg, ui, val, 1, "article"))
        if kind not in ("p", "quote"):
            continue
        pcount += 1
        if pcount == 2 and idx % 3 == 0:
            rel = others[1]
            pg.b("related", f'{ui["related"]} {rel["title"]}')
            parts.append(f'<p class="article__promo article__promo--related" data-promo="related"><strong>'
                         f'{esc(ui["related"])}</strong> <a href="{rel["url"]}">{esc(rel["title"])}</a></p>')
        if pcount == 3:
            title, paras, btn = ui["appeals"][idx % 3]
            variant = "abc"[idx % 3]
            parts.append(f'<h3 class="article__promo-title" data-promo="membership" data-variant="{variant}">'
                         f'{pg.b("appeal-heading", title)}</h3>')
            parts += [f'<p class="article__promo" data-promo="membership">{pg.b("appeal", t)}</p>' for t in paras]
            parts.append('<p class="article__promo article__promo--action" data-promo="membership"><a '
                         f'class="button button--primary" href="/abonamente/?src=inline-{variant}">'
                         f'{pg.b("appeal-button", btn)}</a></p>')
    return "\n".join(parts)


def litoral_article(recs: list[dict], rec: dict) -> str:
    pg, lang, ui, idx = Page(), rec["lang"], LITORAL_UI[rec["lang"]["code"]], rec["idx"]
    rec["page"] = pg
    others = same_lang(recs, rec)
    head = meta_head(rec, f"{rec['title']} | Litoral Expres", rec["url"], "Litoral Expres",
                     ("/atom.xml", "application/atom+xml"), lang["html"],
                     f'\n<meta name="lx:article-id" content="{rec["aid"]}">')
    out = [litoral_top(ui, lang, pg, head, f'class="page page--article" data-template="{rec["kind"]}"'),
           '<main class="site-main" id="main">\n<section class="layout layout--article" data-layout="article-rail">',
           f'<article class="article" data-article-id="{rec["aid"]}" data-section="{rec["art"]["sec"]}" '
           f'data-type="{rec["kind"]}" data-lang="{lang["code"]}">',
           f'<header class="article__header" data-region="header">\n<h1 class="article__title" data-field="headline">'
           f'{esc(rec["title"])}</h1>\n<div class="article__meta" data-region="meta"><span class="article__byline" '
           f'data-field="byline">{esc(ui["by"])} {esc(ui["join"].join(rec["authors"]))}</span> <time class="'
           f'article__date" data-field="published" datetime="{pub_iso(rec)}">{esc(ui["date"](rec["date"]))}, '
           f'{rec["time"][:5]}</time></div>\n</header>']
    label = pg.b("share", ui["share"][0])
    btns = " ".join(f'<button type="button" class="share__btn" data-network="{slugify(t)}">{pg.b("share", t)}'
                    "</button>" for t in ui["share"][1:])
    out.append(f'<section class="article__share share" data-component="share" data-position="top"><span class="'
               f'share__label">{label}</span> {btns}</section>')
    out.append('<section class="article__body" data-region="body">\n<div class="article__text" data-field="body">\n'
               f"{litoral_text(ui, rec, pg, others)}\n</div>\n</section>")
    if rec["kind"] == "gallery":
        items = "\n".join(f'<li class="gallery__item" data-index="{n}">{litoral_figure(rec, pg, ui, c, n, "gallery")}'
                          "</li>" for n, c in enumerate(rec["art"]["caps"], 1))
        out.append(f'<section class="gallery" data-component="gallery" data-count="{len(rec["art"]["caps"])}">\n'
                   f'<ol class="gallery__list">\n{items}\n</ol>\n</section>')
    prefix = pg.b("tags", ui["tags"])
    tags = " ".join(f'<li><a href="/tag/{slugify(t)}.html" rel="tag">{pg.b("tags", t)}</a></li>'
                    for t in rec["art"]["tags"])
    out.append(f'<footer class="article__footer">\n<section class="article__tags" data-component="tags"><span>'
               f'{prefix}</span> <ul class="tag-list">{tags}</ul></section>')
    if idx % 3 != 1:
        n = 20 + idx * 11 % 70
        out.append(f'<section class="article__comments" data-component="comments-teaser" data-count="{n}"><a href="'
                   f'#comments" class="comments-teaser__link">{pg.b("comments", ui["comments"].format(n=n))}</a>'
                   "</section>")
    out.append("</footer>\n</article>")
    if idx % 3 == 2:
        box_h = pg.b("related", ui["box"])
        box = "\n".join(f'<li class="related__item"><a href="{o["url"]}">{pg.b("related", o["title"])}</a></li>'
                        for o in others[2:5])
        out.append(f'<section class="related" data-component="related" data-source="editorial"><h2 class="'
                   f'related__title">{box_h}</h2>\n<ul>\n{box}\n</ul>\n</section>')
    latest_h = pg.b("latest", ui["latest"])
    latest = "\n".join(f'<li class="rank-list__item" data-rank="{r}"><a href="{o["url"]}">{pg.b("latest", o["title"])}'
                       "</a></li>" for r, o in enumerate(others[:5], 1))
    nl = ui["newsletter"]
    out.append(f'<aside class="layout__rail" data-region="rail">\n<section class="rail-box rail-box--most-read" '
               f'data-list="most-read"><h2 class="rail-box__title">{latest_h}</h2>\n<ol class="rank-list">\n{latest}\n'
               f'</ol></section>\n<section class="rail-box rail-box--newsletter" data-component="newsletter">'
               f'<h2 class="rail-box__title">{pg.b("newsletter", nl[0])}</h2><p>{pg.b("newsletter", nl[1])}</p>'
               f'<form action="/newsletter/subscribe" method="post"><input type="email" name="email" aria-label='
               f'"E-mail"> <button type="submit">{pg.b("newsletter", nl[2])}</button></form></section>\n</aside>')
    out.append("</section>\n</main>")
    out.append(litoral_bottom(ui, pg))
    return "\n".join(out)


def litoral_listing(lang: dict, url: str, title: str, items: list[dict]) -> str:
    pg, ui = Page(), LITORAL_UI[lang["code"]]
    cards = "\n".join(f'<article class="teaser" data-article-id="{r["aid"]}" data-type="{r["kind"]}"><h2 class="'
                      f'teaser__title"><a href="{r["url"]}">{esc(r["title"])}</a></h2><p class="teaser__standfirst">'
                      f'{esc(excerpt(r))}</p><time datetime="{r["date"].isoformat()}">{esc(ui["date"](r["date"]))}'
                      "</time></article>" for r in items)
    head = meta_head(None, f"{title} | Litoral Expres", url, "Litoral Expres", ("/atom.xml", "application/atom+xml"),
                     lang["html"])
    return (litoral_top(ui, lang, pg, head, 'class="page page--section" data-template="section"')
            + f'<main class="site-main" id="main">\n<section class="section-front" data-layout="river">\n<h1 class="'
            f'section-front__title">{esc(title)}</h1>\n{cards}\n</section>\n</main>\n' + litoral_bottom(ui, pg))


def build_litoral(out: pathlib.Path) -> str:
    name = "c-litoral"
    root = out / name
    recs = prepare([(RO, RO_ARTS), (EN, EN_ARTS), (TR, TR_ARTS)], name, dt.date(2024, 2, 12), 36)
    for i, r in enumerate(recs):
        ui = LITORAL_UI[r["lang"]["code"]]
        r["aid"] = 318407 + i * 1377
        where = ui["gallery"] if r["kind"] == "gallery" else f"{ui['prefix']}{r['art']['sec']}/"
        r["url"] = f"{where}{slugify(r['title'], 8)}-{r['aid']}.html"
    for r in recs:
        write(root, r["url"], litoral_article(recs, r))
    for lang in (RO, EN, TR):
        ui = LITORAL_UI[lang["code"]]
        mine = sorted((r for r in recs if r["lang"] is lang), key=lambda r: r["date"], reverse=True)
        write(root, "/index.html" if ui["home"] == "/" else ui["home"], litoral_listing(lang, ui["home"],
                                                                                        ui["home_title"], mine))
        for label, sec in ui["nav"]:
            url = f"{ui['sec_prefix']}{sec}.html"
            write(root, url, litoral_listing(lang, url, label, [r for r in mine if r["art"]["sec"] == sec]))
    newest = max(r["lastmod"] for r in recs).isoformat()
    entries = "".join(
        f"<entry>\n<title>{esc(r['title'])}</title>\n<link rel=\"alternate\" href=\"{BASE}{r['url']}\"/>\n"
        f"<id>{BASE}{r['url']}</id>\n<published>{pub_iso(r)}</published>\n<updated>{r['lastmod'].isoformat()}"
        f"T12:00:00Z</updated>\n" + "".join(f"<author><name>{esc(a)}</name></author>\n" for a in r["authors"])
        + f"<summary xml:lang=\"{r['lang']['code']}\">{esc(excerpt(r, 30))}</summary>\n</entry>\n"
        for r in sorted(recs, key=lambda r: r["date"], reverse=True))
    feed = ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ro">\n'
            f'<title>Litoral Expres</title>\n<id>{BASE}/</id>\n<link rel="self" href="{BASE}/atom.xml"/>\n'
            f'<link rel="alternate" href="{BASE}/"/>\n<updated>{newest}T12:00:00Z</updated>\n{entries}</feed>\n')
    write_common(root, recs, "/atom.xml", feed)
    regex = r"^/(?:(?:ro/stiri|en/news|tr/haber)/[a-z-]+|ro/galerie|en/gallery)/[a-z0-9-]+-[0-9]{6}\.html$"
    write(root, "/site.json", gold(name, ["ro", "en", "tr"], "/atom.xml", regex, recs))
    return name


def build(out: pathlib.Path) -> list[str]:
    out = pathlib.Path(out)
    return [build_ponte(out), build_litoral(out)]


if __name__ == "__main__":
    target = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "freshsites-c")
    for site in build(target):
        info = json.loads((target / site / "site.json").read_text(encoding="utf-8"))
        kinds: dict[str, int] = {}
        for p in info["pages"].values():
            key = f"{p['language']}/{p['kind']}"
            kinds[key] = kinds.get(key, 0) + 1
        print(f"{site}: {len(info['pages'])} gold pages {kinds} -> {target / site}")
